/** Re-attaching an orphaned mention or claim to a span chosen by hand. */
import { spanProblem } from '../../shared/text/spans';
import { DomainError } from '../errors';
import { type ChangeGroup, type MutationContext, runMutation } from '../store/history';
import { checkMention, mentionTarget, refuseDuplicateMention } from '../workflow/create-mention';
import { LocalDocument } from './local-document';
import { getOrphan } from './orphans';

export function reattachOrphan(
  ctx: MutationContext,
  text: (documentId: string) => string,
  orphanId: string,
  start: number,
  end: number
): ChangeGroup {
  const orphan = getOrphan(ctx.db, orphanId);
  if (!orphan) throw new DomainError('not_found', `No orphaned annotation with id ${orphanId}.`);
  const documentText = text(orphan.documentId);
  if (orphan.kind === 'mention') {
    const span = { start, end, type: orphan.content.type, masked: orphan.content.masked };
    checkMention(ctx.db, mentionTarget(ctx.db, orphan.documentId), span);
    refuseDuplicateMention(ctx.db, orphan.documentId, span);
  } else {
    const problem = spanProblem(documentText, start, end);
    if (problem) throw new DomainError('invalid_input', `Cannot re-attach it here: ${problem}.`);
  }
  return runMutation(ctx, { documentId: orphan.documentId, action: 'exchange.reattach', kind: 'log' }, (group) =>
    new LocalDocument(group, orphan.documentId, documentText).reattach(orphanId, start, end)
  ).group;
}
