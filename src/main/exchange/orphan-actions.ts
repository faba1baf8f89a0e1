/** Re-attaching an orphaned mention or claim to a span chosen by hand. */
import { findGaps } from '../../shared/gaps';
import { spanProblem } from '../../shared/text/spans';
import { DomainError } from '../errors';
import { type ChangeGroup, type MutationContext, runMutation } from '../store/history';
import { statement } from '../store/statements';
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
  const problem = spanProblem(documentText, start, end);
  if (problem) throw new DomainError('invalid_input', `Cannot re-attach it here: ${problem}.`);
  if (orphan.kind === 'mention') {
    const { masked, type } = orphan.content;
    if (masked && !findGaps(documentText).some((gap) => gap.start === start && gap.end === end)) {
      throw new DomainError('invalid_input', 'A masked mention must cover exactly one masked-name gap.');
    }
    const duplicate = statement(ctx.db, 'SELECT 1 FROM mentions WHERE document_id = ? AND start = ? AND "end" = ? AND type = ?').get(
      orphan.documentId,
      start,
      end,
      type
    );
    if (duplicate) throw new DomainError('conflict', 'This span is already marked with that label.');
  }
  return runMutation(ctx, { documentId: orphan.documentId, action: 'exchange.reattach', kind: 'log' }, (group) =>
    new LocalDocument(group, orphan.documentId, documentText).reattach(orphanId, start, end)
  ).group;
}
