import type { Claim, ClaimStatus, ReviewDecision } from '../../shared/domain';
import { isAmong, isClaimChecker } from '../../shared/person-name';
import { DomainError } from '../errors';

/**
 * The verification workflow: open → researching → in review → verified | changes requested
 * (→ researching …). Verdicts are given only through reviews, never by the checker's own hand.
 * "Verified" is never stored: an approval leaves the claim in review and signs its published
 * content, and the claim reads as verified while that content stays the same (see verification.ts).
 */
const CHECKER_MOVES: Partial<Record<ClaimStatus, ClaimStatus>> = {
  open: 'researching',
  researching: 'in review',
  'changes requested': 'researching'
};

/** Checks a move the checker makes (not a review decision) and returns the new status. */
export function checkerMove(claim: Claim, to: ClaimStatus): ClaimStatus {
  if (to === 'verified' || to === 'changes requested') {
    throw new DomainError('invalid_input', `A claim becomes "${to}" only through a review.`);
  }
  if (CHECKER_MOVES[claim.status] !== to) {
    const allowed = CHECKER_MOVES[claim.status];
    throw new DomainError(
      'forbidden',
      `A claim cannot move from "${claim.status}" to "${to}"` +
        (allowed ? `; from "${claim.status}" it can only move to "${allowed}".` : '.')
    );
  }
  if (to === 'in review' && !claim.verdict) {
    throw new DomainError('invalid_input', 'Give the claim a verdict before sending it for review.');
  }
  return to;
}

export interface ReviewOutcome {
  /** The stored status after the review; null when it stays as it is (a comment). */
  status: ClaimStatus | null;
  selfReview: boolean;
}

/** Checks a review decision by `reviewer` on a claim read with its derived status. */
export function reviewOutcome(
  claim: Claim,
  reviewer: string,
  decision: ReviewDecision,
  comment: string,
  confirmSelfReview: boolean
): ReviewOutcome {
  const byChecker = isClaimChecker(claim, reviewer);
  if (decision === 'comment') {
    if (!comment.trim()) throw new DomainError('invalid_input', 'A comment needs some text.');
    return { status: null, selfReview: false };
  }
  if (decision === 'request changes') {
    // Sending back a verified claim withdraws its approval: it leaves the fact sheet until approved again.
    if (claim.status !== 'in review' && claim.status !== 'verified') {
      throw new DomainError('forbidden', `Only a claim in review or verified can be sent back; this one is "${claim.status}".`);
    }
    if (!comment.trim()) throw new DomainError('invalid_input', 'Say what should change: requesting changes needs a comment.');
    return { status: 'changes requested', selfReview: false };
  }
  if (claim.status !== 'in review') {
    throw new DomainError('forbidden', `Only a claim in review can be approved; this one is "${claim.status}".`);
  }
  // A verdict can be taken away while the claim is in review; what has none cannot be approved.
  if (!claim.verdict) throw new DomainError('invalid_input', 'This claim has no verdict; give it one before it is approved.');
  if (byChecker && !confirmSelfReview) {
    throw new DomainError(
      'forbidden',
      `${reviewer} ${isAmong([claim.author], reviewer) ? 'checked' : 'changed'} this claim, so another person must approve it. ` +
        'Working alone? Confirm self-review explicitly; the fact sheet will say "self-reviewed".'
    );
  }
  return { status: 'in review', selfReview: byChecker };
}
