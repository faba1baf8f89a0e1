import type { Claim } from '../../../shared/domain';
import { quoteAt } from '../../../shared/text/spans';
import { type ClaimRow, claimRow } from '../../store/claims';
import type { ChangeGroup } from '../../store/history';

type ClaimFields = Pick<Claim, 'id' | 'documentId' | 'start' | 'end'> &
  Partial<Pick<Claim, 'text' | 'claimantId' | 'score' | 'scoreReason'>>;

/** The row of a new open claim: quote from the text, author and times from the change group; its wording defaults to the quoted span with whitespace folded. */
export function newClaimRow(group: ChangeGroup, text: string, fields: ClaimFields): ClaimRow {
  const quote = quoteAt(text, fields.start, fields.end);
  return claimRow({
    claimantId: null,
    score: null,
    scoreReason: null,
    ...fields,
    ...quote,
    text: fields.text?.trim() || quote.exact.replace(/\s+/g, ' ').trim(),
    claimDate: null,
    status: 'open',
    verdict: null,
    explanation: '',
    author: group.user,
    createdAt: group.at,
    updatedAt: group.at
  });
}
