/** The entity registry: every entity with its use, an entity's page, merging two entities and splitting one. */
import { DomainError } from '../../errors';
import { entityRow } from '../../store/entities';
import { runMutation } from '../../store/history';
import { getClaim } from '../../store/claims';
import { getMention } from '../../store/mentions';
import { entityRegistry, entityUsage, linksOf } from '../../store/registry';
import { changeSetOf } from '../change-set';
import { requireEntity } from './lookups';
import { reattributeClaims } from './claims';
import type { HandlerMap } from './types';

const unique = (names: string[], except: string) => {
  const seen = new Set<string>([except.toLowerCase()]);
  return names.map((n) => n.trim()).filter((n) => n && !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
};

export const registryHandlers: HandlerMap<'entities.registry' | 'entities.page' | 'entities.merge' | 'entities.split'> = {
  'entities.registry': (ctx, { query, type, limit, offset }) =>
    entityRegistry(ctx.db, { query: query?.trim() ?? '', type: type ?? null, limit: limit ?? 200, offset: offset ?? 0 }),

  'entities.page'(ctx, { id }) {
    return { entity: requireEntity(ctx.db, id), ...entityUsage(ctx.db, id) };
  },

  'entities.merge'(ctx, { targetId, sourceId, documentId }) {
    if (targetId === sourceId) throw new DomainError('invalid_input', 'An entity cannot be merged into itself.');
    const target = requireEntity(ctx.db, targetId);
    const source = requireEntity(ctx.db, sourceId);
    const { mentionIds, claimIds } = linksOf(ctx.db, sourceId);
    const { group } = runMutation(ctx.asUser(), { documentId: documentId ?? null, action: 'entities.merge' }, (g) => {
      for (const id of mentionIds) g.update('mentions', id, { entity_id: targetId, updated_at: g.at });
      reattributeClaims(g, claimIds, targetId);
      g.update(
        'entities',
        targetId,
        entityRow({
          ...target,
          aliases: unique([...target.aliases, source.name, ...source.aliases], target.name),
          description: target.description || source.description,
          // The target's ids win where both have one of the same kind.
          externalIds: { ...source.externalIds, ...target.externalIds },
          updatedAt: g.at
        })
      );
      g.remove('entities', sourceId);
    });
    return changeSetOf(ctx.db, group);
  },

  'entities.split'(ctx, { id, mentionIds, claimIds = [], name, type, documentId }) {
    const entity = requireEntity(ctx.db, id);
    if (mentionIds.length === 0 && claimIds.length === 0) {
      throw new DomainError('invalid_input', 'Choose the mentions (or claims) that belong to the new entity.');
    }
    for (const mentionId of mentionIds) {
      if (getMention(ctx.db, mentionId)?.entityId !== id) throw new DomainError('invalid_input', `Mention ${mentionId} is not a mention of "${entity.name}".`);
    }
    for (const claimId of claimIds) {
      if (getClaim(ctx.db, claimId)?.claimantId !== id) throw new DomainError('invalid_input', `Claim ${claimId} is not attributed to "${entity.name}".`);
    }
    const newId = ctx.newId();
    const { group } = runMutation(ctx.asUser(), { documentId: documentId ?? null, action: 'entities.split' }, (g) => {
      g.insert('entities', entityRow({ id: newId, name, type: type ?? entity.type, aliases: [], description: '', externalIds: {}, createdAt: g.at, updatedAt: g.at }));
      for (const mentionId of mentionIds) g.update('mentions', mentionId, { entity_id: newId, updated_at: g.at });
      reattributeClaims(g, claimIds, newId);
    });
    return changeSetOf(ctx.db, group, newId);
  }
};
