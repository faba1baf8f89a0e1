/**
 * "Label all occurrences": every unlabelled whole-word occurrence of a mention's text, in its
 * document or across the library, becomes a mention like it (same type, origin 'propagated'),
 * linked to the mention's entity: an unlinked mention is first linked to the registry entity of
 * its text and type, made once if missing. Undo is per document, so each document's part is one change group there: the
 * mention's own document reverts with one undo, another document with one undo in that document.
 * All parts are written in one transaction: either every document is labelled or none is.
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { PropagationDocument } from '../../../shared/api/methods/assist';
import type { ArticleDocument, Mention } from '../../../shared/domain';
import { findGaps } from '../../../shared/gaps';
import { findWholeWord } from '../../assist/text/words';
import { DomainError } from '../../errors';
import { getDocument } from '../../store/documents';
import { type ChangeGroup, runMutation } from '../../store/history';
import { listMentions } from '../../store/mentions';
import { documentsMatching, ftsQuery } from '../../store/search';
import { inWriteTransaction } from '../../store/write-transaction';
import { changeSetOf, withLinkedEntities } from '../change-set';
import type { HandlerContext } from '../context';
import { type MentionTarget, createMention, mentionSpanProblem } from '../../workflow/create-mention';
import { entityNamed } from '../../workflow/registry-entity';
import { requireMention } from './lookups';
import type { HandlerMap } from './types';

const CONTEXT = 40;
const EXAMPLES = 3;

interface Target extends MentionTarget {
  title: string;
  spans: Array<{ start: number; end: number }>;
}

function sourceMention(ctx: HandlerContext, mentionId: string): Mention {
  const mention = requireMention(ctx.db, mentionId);
  if (mention.masked) throw new DomainError('invalid_input', 'A masked gap has no text to look for elsewhere.');
  if (!/[\p{L}\p{N}]/u.test(mention.exact)) throw new DomainError('invalid_input', `"${mention.exact}" has no word to look for.`);
  return mention;
}

/** Where the mention's text occurs unlabelled: whole words only, never over a mention or a gap. */
function targets(ctx: HandlerContext, mention: Mention, input: ParsedInput<'assist.propagate'>): Target[] {
  const caseSensitive = input.caseSensitive ?? true;
  let documents: ArticleDocument[];
  if (input.scope === 'document') {
    documents = [getDocument(ctx.db, mention.documentId)!];
  } else {
    // The full-text index narrows the library to documents with the words; the exact test follows.
    const match = ftsQuery(`"${mention.exact}"`);
    documents = match ? documentsMatching(ctx.db, match) : [];
  }
  return documents.map((doc) => {
    const taken: Array<{ start: number; end: number }> = [...listMentions(ctx.db, doc.id), ...findGaps(doc.text)];
    const target = { documentId: doc.id, text: doc.text, blocks: doc.blocks };
    const spans = findWholeWord(doc.text, mention.exact, caseSensitive).filter(
      (o) => !taken.some((t) => o.start < t.end && t.start < o.end) && mentionSpanProblem(target, { ...o, masked: false }) === null
    );
    return { ...target, title: doc.title, spans };
  });
}

function describe(target: Target): PropagationDocument {
  return {
    documentId: target.documentId,
    title: target.title,
    count: target.spans.length,
    examples: target.spans.slice(0, EXAMPLES).map(({ start, end }) => ({
      start,
      end,
      before: target.text.slice(Math.max(0, start - CONTEXT), start),
      after: target.text.slice(end, end + CONTEXT)
    }))
  };
}

export const propagationHandlers: HandlerMap<'assist.propagationPreview' | 'assist.propagate'> = {
  'assist.propagationPreview'(ctx, input) {
    const mention = sourceMention(ctx, input.mentionId);
    const found = targets(ctx, mention, input).filter((t) => t.spans.length > 0);
    return {
      text: mention.exact,
      type: mention.type,
      scope: input.scope,
      caseSensitive: input.caseSensitive ?? true,
      total: found.reduce((sum, t) => sum + t.spans.length, 0),
      documents: found.map(describe)
    };
  },

  'assist.propagate'(ctx, input) {
    const mention = sourceMention(ctx, input.mentionId);
    const mutation = ctx.asUser();
    return inWriteTransaction(ctx.db, () => {
      // The mention's own document first: an entity made for it belongs to that document's undo step.
      const isOwn = (target: Target) => target.documentId === mention.documentId;
      const found = targets(ctx, mention, input).sort((a, b) => Number(isOwn(b)) - Number(isOwn(a)));
      const anything = found.some((t) => t.spans.length > 0);
      let entityId = mention.entityId;
      let own: ChangeGroup | null = null;
      const documents: Array<{ documentId: string; title: string; created: number }> = [];
      for (const target of found) {
        if (target.spans.length === 0 && !isOwn(target)) continue;
        const { group, value } = runMutation(mutation, { documentId: target.documentId, action: 'assist.propagate' }, (g) => {
          if (isOwn(target) && anything && !entityId) {
            entityId = entityNamed(g, ctx.newId, mention.exact, mention.type);
            g.update('mentions', mention.id, { entity_id: entityId, updated_at: g.at });
          }
          return target.spans.filter((span) =>
            createMention(g, target, { ...span, type: mention.type, entityId, origin: 'propagated' }, { duplicate: 'skip', newId: ctx.newId })
          ).length;
        });
        if (isOwn(target)) own = group;
        if (value > 0) documents.push({ documentId: target.documentId, title: target.title, created: value });
      }
      own ??= runMutation(mutation, { documentId: mention.documentId, action: 'assist.propagate' }, () => undefined).group;
      return { changes: withLinkedEntities(ctx.db, changeSetOf(ctx.db, own)), total: documents.reduce((sum, d) => sum + d.created, 0), documents };
    });
  }
};
