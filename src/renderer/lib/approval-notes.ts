import type { ApprovalState, Claim, ReviewCheck } from '../../shared/domain';

/** Short labels of what a review's signature check found, beside the review. */
export const CHECK_LABELS: Record<ReviewCheck, string> = {
  valid: 'signed',
  outdated: 'outdated: the claim changed since',
  unsigned: 'not signed: does not count',
  'unknown key': 'key not trusted yet: does not count',
  'key changed': 'different key than the one trusted for this name: does not count',
  'bad signature': 'signature does not match: altered, does not count',
  'own claim': 'by someone who checked or changed it, without confirmed self-review: does not count'
};

const list = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? 'content') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/** What the latest approval of a claim means for it, in a sentence. */
export function approvalNote(approval: ApprovalState): string {
  const who = approval.reviewer;
  const key = approval.keyFingerprint ? ` (key ${approval.keyFingerprint})` : '';
  switch (approval.check) {
    case 'valid':
      return `Approved by ${who}${key}, signed, on exactly what the claim says now.`;
    case 'outdated':
      return `Approval outdated: the ${list(approval.changed)} changed after ${who} approved it. It needs a new review.`;
    case 'unsigned':
      return `${who}'s approval is not signed, so it does not count.`;
    case 'unknown key':
      return `${who}'s approval is signed with a key this library does not trust yet${key}. Compare the fingerprint with ${who} before trusting it.`;
    case 'key changed':
      return `${who}'s approval is signed with another key${key} than the one this library trusts for ${who}: it does not count.`;
    case 'bad signature':
      return `${who}'s approval does not match its signature: it was altered and does not count.`;
    case 'own claim':
      return `${who} checked this claim and approved it without confirming a self-review: it does not count.`;
  }
}

/** "Back in review" messages for claims that were verified before a change and are not after it. */
export function backInReview(before: readonly Claim[], after: readonly Claim[]): string[] {
  const wasVerified = new Set(before.filter((c) => c.status === 'verified').map((c) => c.id));
  return after
    .filter((c) => wasVerified.has(c.id) && c.status !== 'verified')
    .map((c) => {
      const approval = c.verification?.approval;
      const what = approval?.check === 'outdated' ? `the ${list(approval.changed)} changed after ${approval.reviewer} approved it` : 'its approval no longer holds';
      return `Back in review: ${what} (“${c.text.length > 60 ? `${c.text.slice(0, 59)}…` : c.text}”).`;
    });
}
