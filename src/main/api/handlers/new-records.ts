import type { Claim, Mention } from '../../../shared/domain';
import { quoteAt } from '../../../shared/text/spans';
import { type ClaimRow, claimRow } from '../../store/claims';
import type { ChangeGroup } from '../../store/history';
import { type MentionRow, mentionRow } from '../../store/mentions';

/** The rows of newly created annotations: quote from the text, author and times from the change group. */

type MentionFields = Pick<Mention, 'id' | 'documentId' | 'start' | 'end' | 'type' | 'entityId' | 'origin'> &
  Partial<Pick<Mention, 'masked' | 'restoration'>>;

export function newMentionRow(group: ChangeGroup, text: string, fields: MentionFields): MentionRow {
  return mentionRow({
    masked: false,
    restoration: null,
    ...fields,
    ...quoteAt(text, fields.start, fields.end),
    status: 'accepted',
    author: group.user,
    createdAt: group.at,
    updatedAt: group.at
  });
}

type ClaimFields = Pick<Claim, 'id' | 'documentId' | 'start' | 'end'> &
  Partial<Pick<Claim, 'text' | 'claimantId' | 'score' | 'scoreReason'>>;

/** A new open claim; its wording defaults to the quoted span with whitespace folded. */
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
