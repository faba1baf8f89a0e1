import { DomainError } from '../../errors';
import { runMutation } from '../../store/history';
import { listMentions } from '../../store/mentions';
import { changeSetOf, withLinkedEntities } from '../change-set';
import {
  createMention,
  mentionTarget,
  refuseDuplicateMention,
  refuseRestorationUnlessMasked,
  requireMentionLabel
} from '../../workflow/create-mention';
import { entityNamed } from '../../workflow/registry-entity';
import { requireEntity, requireMention } from './lookups';
import type { HandlerMap } from './types';

export const mentionHandlers: HandlerMap<'mentions.create' | 'mentions.update' | 'mentions.delete' | 'mentions.linkSameText'> = {
  'mentions.create'(ctx, input) {
    const target = mentionTarget(ctx.db, input.documentId);
    const id = ctx.newId();
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId, action: 'mentions.create' }, (g) =>
      createMention(
        g,
        target,
        {
          start: input.start,
          end: input.end,
          type: input.type,
          entityId: input.entityId ?? null,
          origin: 'manual',
          masked: input.masked ?? false,
          restoration: input.restoration ?? null
        },
        { duplicate: 'refuse', newId: () => id }
      )
    );
    return changeSetOf(ctx.db, group, id);
  },

  'mentions.update'(ctx, { id, type, entityId, restoration }) {
    const mention = requireMention(ctx.db, id);
    if (type !== undefined) requireMentionLabel(ctx.db, type);
    if (type !== undefined && type !== mention.type) refuseDuplicateMention(ctx.db, mention.documentId, { ...mention, type });
    if (entityId) requireEntity(ctx.db, entityId);
    refuseRestorationUnlessMasked(mention.masked, restoration);
    const restored = restoration === undefined ? mention.restoration : restoration?.trim() || null;
    const { group } = runMutation(ctx.asUser(), { documentId: mention.documentId, action: 'mentions.update' }, (g) => {
      g.update('mentions', id, {
        ...(type !== undefined && { type }),
        ...(entityId !== undefined && { entity_id: entityId }),
        ...(restoration !== undefined && { restoration: restored }),
        updated_at: g.at
      });
    });
    return changeSetOf(ctx.db, group);
  },

  'mentions.linkSameText'(ctx, { id }) {
    const mention = requireMention(ctx.db, id);
    if (mention.masked) throw new DomainError('invalid_input', 'A masked gap has no text to look for elsewhere.');
    const unlinked = listMentions(ctx.db, mention.documentId).filter(
      (m) => !m.masked && m.entityId === null && m.type === mention.type && m.exact === mention.exact
    );
    if (unlinked.length === 0) throw new DomainError('invalid_input', `Every mention of “${mention.exact}” is already linked.`);
    const { group } = runMutation(ctx.asUser(), { documentId: mention.documentId, action: 'mentions.linkSameText' }, (g) => {
      const entityId = mention.entityId ?? entityNamed(g, ctx.newId, mention.exact, mention.type);
      for (const m of unlinked) g.update('mentions', m.id, { entity_id: entityId, updated_at: g.at });
    });
    return withLinkedEntities(ctx.db, changeSetOf(ctx.db, group));
  },

  'mentions.delete'(ctx, { id }) {
    const mention = requireMention(ctx.db, id);
    const { group } = runMutation(ctx.asUser(), { documentId: mention.documentId, action: 'mentions.delete' }, (g) => {
      g.remove('mentions', id);
    });
    return changeSetOf(ctx.db, group);
  }
};
