/**
 * "Verified" derived on read: a claim is verified exactly when the latest approval or change
 * request that is signed under the key this library trusts for its reviewer is an approval of
 * exactly the claim's current published content, by someone other than its checker (or a
 * confirmed self-review). Nothing stored or received can set it.
 */
import type { ApprovalState, Claim, ClaimStatus, Review, ReviewCheck } from '../../shared/domain';
import { canonicalJson } from '../export/canonical-json';
import { sha256Hex } from '../import/hash';
import { keyFingerprint, shortFingerprint, signatureValid } from '../identity/signature';
import { type KnownKey, knownKeys } from '../store/known-keys';
import type { Db } from '../store/open';
import { listReviewsOfDocument } from '../store/reviews';
import type { ClaimReviewView } from '../../shared/api/methods/verification';
import { type PublishedContent, changedKeys, changedParts, contentHash, publishedContents } from './published-content';

/** What a review's signature covers. */
export const signedReviewPart = (r: Pick<Review, 'claimId' | 'decision' | 'comment' | 'contentHash' | 'author' | 'createdAt' | 'selfReview'>) => ({
  claimId: r.claimId,
  decision: r.decision,
  comment: r.comment,
  contentHash: r.contentHash,
  reviewer: r.author,
  at: r.createdAt,
  selfReview: r.selfReview
});

/** Checks whose review is a genuine decision of its named reviewer (whatever it decided about). */
const TRUSTED_CHECKS = new Set<ReviewCheck>(['valid', 'outdated', 'own claim']);

/**
 * Whether a review's signature is valid for its public key, remembered per review content: every
 * change set re-derives the status of a document's reviewed claims, and a review never changes.
 */
const validSignatures = new Map<string, boolean>();
const REMEMBERED_SIGNATURES = 20_000;

function signedByKey(review: Review): boolean {
  const key = `${review.publicKey}\u0000${review.signature}\u0000${canonicalJson(signedReviewPart(review))}`;
  let valid = validSignatures.get(key);
  if (valid === undefined) {
    valid = signatureValid(review.publicKey!, signedReviewPart(review), review.signature!);
    if (validSignatures.size >= REMEMBERED_SIGNATURES) validSignatures.clear();
    validSignatures.set(key, valid);
  }
  return valid;
}

export function reviewCheck(review: Review, checker: string, currentHash: string, keys: Map<string, KnownKey>): ReviewCheck {
  if (!review.signature || !review.publicKey || !review.contentHash || review.content === null) return 'unsigned';
  const known = keys.get(review.author);
  if (!known) return 'unknown key';
  if (known.publicKey !== review.publicKey) return 'key changed';
  if (!signedByKey(review)) return 'bad signature';
  if (sha256Hex(review.content) !== review.contentHash) return 'bad signature';
  if (review.decision === 'approve' && review.author === checker && !review.selfReview) return 'own claim';
  return review.contentHash === currentHash ? 'valid' : 'outdated';
}

function approvalState(review: Review, check: ReviewCheck, current: PublishedContent): ApprovalState {
  let changed: string[] = [];
  if (check === 'outdated') {
    changed = changedParts(JSON.parse(review.content!) as PublishedContent, current);
  }
  return {
    reviewId: review.id,
    reviewer: review.author,
    at: review.createdAt,
    check,
    keyFingerprint: review.publicKey ? shortFingerprint(keyFingerprint(review.publicKey)) : null,
    changed
  };
}

export interface Verified {
  claim: Claim;
  /** The approval that makes it verified; null when it is not. */
  approval: Review | null;
  content: PublishedContent;
}

/**
 * The claims of one document with their derived status and verification, plus each claim's
 * published content and the approval it rests on.
 */
export function verifyClaims(db: Db, documentId: string, claims: readonly Claim[]): Verified[] {
  if (claims.length === 0) return [];
  const contents = publishedContents(db, documentId, claims);
  const wanted = new Set(claims.map((c) => c.id));
  const reviewsByClaim = new Map<string, Review[]>();
  for (const review of listReviewsOfDocument(db, documentId)) {
    if (review.decision === 'comment' || !wanted.has(review.claimId)) continue;
    const list = reviewsByClaim.get(review.claimId) ?? [];
    list.push(review);
    reviewsByClaim.set(review.claimId, list);
  }
  const keys = knownKeys(db);
  return claims.map((stored) => {
    const content = contents.get(stored.id)!;
    const hash = contentHash(content);
    const decisions = reviewsByClaim.get(stored.id) ?? [];
    const checks: Record<string, ReviewCheck> = {};
    for (const review of decisions) checks[review.id] = reviewCheck(review, stored.author, hash, keys);
    const latestTrusted = last(decisions, (r) => TRUSTED_CHECKS.has(checks[r.id]!));
    const approval = latestTrusted?.decision === 'approve' && checks[latestTrusted.id] === 'valid' ? latestTrusted : null;
    const latestApproval = last(decisions, (r) => r.decision === 'approve');
    const status: ClaimStatus = approval ? 'verified' : stored.status === 'verified' ? 'in review' : stored.status;
    const claim: Claim = {
      ...stored,
      status,
      verification: {
        approval: latestApproval ? approvalState(latestApproval, checks[latestApproval.id]!, content) : null,
        checks
      }
    };
    return { claim, approval, content };
  });
}

function last<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return items[i];
  return undefined;
}

/** The claims with their derived status, for every reader of claims. */
export const derivedClaims = (db: Db, documentId: string, claims: readonly Claim[]): Claim[] =>
  verifyClaims(db, documentId, claims).map((v) => v.claim);


/** A claim as its reviewer sees it: its published content, and the last trusted decision on it with what changed since. */
export function reviewView(db: Db, claim: Claim): ClaimReviewView {
  const [{ claim: derived, content }] = verifyClaims(db, claim.documentId, [claim]) as [Verified];
  const checks = derived.verification?.checks ?? {};
  const latest = last(
    listReviewsOfDocument(db, claim.documentId),
    (r) => r.claimId === claim.id && r.decision !== 'comment' && r.content !== null && TRUSTED_CHECKS.has(checks[r.id]!)
  );
  if (!latest) return { content, lastReview: null };
  const reviewed = JSON.parse(latest.content!) as PublishedContent;
  return {
    content,
    lastReview: {
      reviewer: latest.author,
      decision: latest.decision as 'approve' | 'request changes',
      at: latest.createdAt,
      content: reviewed,
      changed: changedKeys(reviewed, content)
    }
  };
}
