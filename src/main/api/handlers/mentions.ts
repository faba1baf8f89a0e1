import { findGaps } from '../../../shared/gaps';
import { crossesBlocks, spanProblem } from '../../../shared/text/spans';
import { DomainError } from '../../errors';
import { runMutation } from '../../store/history';
import { getDocument } from '../../store/documents';
import { labelExists } from '../../store/labels';
import { getMention, listMentions } from '../../store/mentions';
import { statement } from '../../store/statements';
import { changeSetOf, withLinkedEntities } from '../change-set';
import type { HandlerContext } from '../context';
import { entityNamed, registryName } from './assist-suggestions';
import { documentText, requireEntity } from './lookups';
import { newMentionRow } from './new-records';
import type { HandlerMap } from './types';

function requireLabel(ctx: HandlerContext, type: string) {
  if (!labelExists(ctx.db, type)) throw new DomainError('invalid_input', `"${type}" is not a label of this library.`);
}

function requireMention(ctx: HandlerContext, id: string) {
  const mention = getMention(ctx.db, id);
  if (!mention) throw new DomainError('not_found', `No mention with id ${id}.`);
  return mention;
}

export const mentionHandlers: HandlerMap<'mentions.create' | 'mentions.update' | 'mentions.delete' | 'mentions.linkSameText'> = {
  'mentions.create'(ctx, input) {
    const text = documentText(ctx.db, input.documentId);
    const problem = spanProblem(text, input.start, input.end);
    if (problem) throw new DomainError('invalid_input', `Cannot mark this span: ${problem}.`);
    requireLabel(ctx, input.type);
    if (input.entityId) requireEntity(ctx.db, input.entityId);
    const masked = input.masked ?? false;
    if (masked && !findGaps(text).some((gap) => gap.start === input.start && gap.end === input.end)) {
      throw new DomainError('invalid_input', 'A masked mention must cover exactly one masked-name gap.');
    }
    if (!masked && input.restoration) {
      throw new DomainError('invalid_input', 'Only a masked mention carries a restoration.');
    }
    if (!masked && crossesBlocks(getDocument(ctx.db, input.documentId)?.blocks ?? [], input.start, input.end)) {
      throw new DomainError('invalid_input', 'A name cannot run across paragraphs: select it within one paragraph.');
    }
    const duplicate = statement(
      ctx.db,
      'SELECT 1 FROM mentions WHERE document_id = ? AND start = ? AND "end" = ? AND type = ?'
    ).get(input.documentId, input.start, input.end, input.type);
    if (duplicate) throw new DomainError('conflict', 'This span is already marked with that label.');

    const id = ctx.newId();
    const restoration = masked ? input.restoration?.trim() || null : null;
    const { group } = runMutation(ctx.asUser(), { documentId: input.documentId, action: 'mentions.create' }, (g) => {
      g.insert(
        'mentions',
        newMentionRow(g, text, {
          id,
          documentId: input.documentId,
          start: input.start,
          end: input.end,
          type: input.type,
          entityId: input.entityId ?? null,
          origin: 'manual',
          masked,
          restoration
        })
      );
    });
    return changeSetOf(ctx.db, group, id);
  },

  'mentions.update'(ctx, { id, type, entityId, restoration }) {
    const mention = requireMention(ctx, id);
    if (type !== undefined) requireLabel(ctx, type);
    if (entityId) requireEntity(ctx.db, entityId);
    if (restoration !== undefined && restoration !== null && !mention.masked) {
      throw new DomainError('invalid_input', 'Only a masked mention carries a restoration.');
    }
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
    const mention = requireMention(ctx, id);
    if (mention.masked) throw new DomainError('invalid_input', 'A masked gap has no text to look for elsewhere.');
    const unlinked = listMentions(ctx.db, mention.documentId).filter(
      (m) => !m.masked && m.entityId === null && m.type === mention.type && m.exact === mention.exact
    );
    if (unlinked.length === 0) throw new DomainError('invalid_input', `Every mention of “${mention.exact}” is already linked.`);
    const { group } = runMutation(ctx.asUser(), { documentId: mention.documentId, action: 'mentions.linkSameText' }, (g) => {
      const entityId = mention.entityId ?? entityNamed(g, ctx, registryName(mention.exact), mention.type);
      for (const m of unlinked) g.update('mentions', m.id, { entity_id: entityId, updated_at: g.at });
    });
    return withLinkedEntities(ctx.db, changeSetOf(ctx.db, group));
  },

  'mentions.delete'(ctx, { id }) {
    const mention = requireMention(ctx, id);
    const { group } = runMutation(ctx.asUser(), { documentId: mention.documentId, action: 'mentions.delete' }, (g) => {
      g.remove('mentions', id);
    });
    return changeSetOf(ctx.db, group);
  }
};
