import { DomainError } from '../../errors';
import { type ReplayedRecord, replay } from '../../store/history';
import { changeSetOf } from '../change-set';
import type { HandlerContext } from '../context';
import { documentText } from './lookups';
import type { HandlerMap } from './types';

/**
 * Undo and redo go through the document's one history, whoever made each edit; but a review is its
 * reviewer's decision, signed with their key: nobody else takes it back or puts it back that way.
 * A claim deleted with its reviews stays its deleter's to undo (only the edit that made a review counts).
 */
function othersReview(user: string, direction: 'undo' | 'redo') {
  return (records: ReplayedRecord[]) => {
    const review = records.find((record) => record.table === 'reviews' && record.before === null && record.after !== null && record.after.author !== user);
    if (!review) return;
    const author = String(review.after!.author);
    throw new DomainError('forbidden', `Cannot ${direction} ${author}'s review: only ${author} can ${direction === 'undo' ? 'take it back' : 'make it again'}.`);
  };
}

function replayAs(ctx: HandlerContext, documentId: string, direction: 'undo' | 'redo') {
  documentText(ctx.db, documentId);
  const mutation = ctx.asUser();
  return changeSetOf(ctx.db, replay(mutation, documentId, direction, othersReview(mutation.user, direction)));
}

export const historyHandlers: HandlerMap<'history.undo' | 'history.redo'> = {
  'history.undo': (ctx, { documentId }) => replayAs(ctx, documentId, 'undo'),
  'history.redo': (ctx, { documentId }) => replayAs(ctx, documentId, 'redo')
};
