import type { MutationContext } from '../../store/history';
import { nextReplayRecords, replay } from '../../store/history';
import { DomainError } from '../../errors';
import { changeSetOf } from '../change-set';
import { documentText } from './lookups';
import type { HandlerMap } from './types';

/**
 * Undo and redo go through the document's one history, whoever made each edit; but a review is its
 * reviewer's decision, signed with their key: nobody else takes it back or puts it back that way.
 */
function replayAs(ctx: MutationContext, documentId: string, direction: 'undo' | 'redo') {
  // The edit that made someone else's review; a claim deleted with its reviews stays the deleter's to undo.
  const review = nextReplayRecords(ctx.db, documentId, direction)?.find(
    (record) => record.table === 'reviews' && record.before === null && record.after !== null && record.after.author !== ctx.user
  );
  if (review) {
    const author = String(review.after!.author);
    throw new DomainError('forbidden', `Cannot ${direction} ${author}'s review: only ${author} can ${direction === 'undo' ? 'take it back' : 'make it again'}.`);
  }
  return replay(ctx, documentId, direction);
}

export const historyHandlers: HandlerMap<'history.undo' | 'history.redo'> = {
  'history.undo'(ctx, { documentId }) {
    documentText(ctx.db, documentId);
    return changeSetOf(ctx.db, replayAs(ctx.asUser(), documentId, 'undo'));
  },
  'history.redo'(ctx, { documentId }) {
    documentText(ctx.db, documentId);
    return changeSetOf(ctx.db, replayAs(ctx.asUser(), documentId, 'redo'));
  }
};
