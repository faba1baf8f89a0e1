/**
 * "Verified" derived on read: a claim is verified exactly when the latest approval or change
 * request that is signed under the key this library trusts for its reviewer is an approval of
 * exactly the claim's current published content, by someone other than its checker (or a
 * confirmed self-review). Nothing stored or received can set it.
 */
import type { ApprovalState, Claim, ClaimStatus, HistoryEntry, Review, ReviewCheck, SignatureCheck } from '../../shared/domain';
import { isAmong } from '../../shared/person-name';
import { canonicalJson } from '../export/canonical-json';
import { sha256Hex } from '../import/hash';
import { keyFingerprint, shortFingerprint, signatureValid } from '../identity/signature';
import { contentEditors } from '../store/history-editors';
import { type KnownKey, knownKeys } from '../store/known-keys';
import type { Db } from '../store/open';
import { listReviewsOfDocument } from '../store/reviews';
import type { ClaimReviewView } from '../../shared/api/methods/verification';
import { type PublishedContent, changedKeys, changedParts, claimCheckers, contentHash, publishedContents } from './published-content';

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

/** Whether a review is signed, under the key this library trusts for its author, over its own content. */
function signatureCheck(review: Review, keys: Map<string, KnownKey>): SignatureCheck {
  if (!review.signature || !review.publicKey || !review.contentHash || review.content === null) return 'unsigned';
  const known = keys.get(review.author);
  if (!known) return 'unknown key';
  if (known.publicKey !== review.publicKey) return 'key changed';
  if (!signedByKey(review)) return 'bad signature';
  if (sha256Hex(review.content) !== review.contentHash) return 'bad signature';
  return 'valid';
}

/** `checkers`: everyone who changed the claim's checked content; an approval by one of them is a self-review. */
export function reviewCheck(review: Review, checkers: readonly string[], currentHash: string, keys: Map<string, KnownKey>): ReviewCheck {
  const signature = signatureCheck(review, keys);
  if (signature !== 'valid') return signature;
  if (review.decision === 'approve' && isAmong(checkers, review.author) && !review.selfReview) return 'own claim';
  return review.contentHash === currentHash ? 'valid' : 'outdated';
}

/** History rows with the signature check of each approval or change request received in a shared file. */
export function withReceivedSignatures(db: Db, entries: HistoryEntry[]): HistoryEntry[] {
  const received = (entry: HistoryEntry) => {
    const review = entry.table === 'reviews' && entry.receivedFrom ? ((entry.after ?? entry.before) as Review | null) : null;
    return review && review.decision !== 'comment' ? review : null;
  };
  if (!entries.some(received)) return entries;
  const keys = knownKeys(db);
  return entries.map((entry) => {
    const review = received(entry);
    return review ? { ...entry, signature: signatureCheck(review, keys) } : entry;
  });
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

/** A document's approvals and change requests of the given claims, oldest first, by claim id. */
function decisionsByClaim(db: Db, documentId: string, claims: readonly Claim[]): Map<string, Review[]> {
  const decisions = new Map<string, Review[]>();
  if (claims.length === 0) return decisions;
  const wanted = new Set(claims.map((c) => c.id));
  for (const review of listReviewsOfDocument(db, documentId)) {
    if (review.decision === 'comment' || !wanted.has(review.claimId)) continue;
    const list = decisions.get(review.claimId) ?? [];
    list.push(review);
    decisions.set(review.claimId, list);
  }
  return decisions;
}

/** A stored "verified" is never taken on trust: without a valid approval the claim is back in review. */
const unapprovedStatus = (stored: Claim): ClaimStatus => (stored.status === 'verified' ? 'in review' : stored.status);

function verifyWith(db: Db, documentId: string, claims: readonly Claim[], decisionsOf: Map<string, Review[]>): Verified[] {
  if (claims.length === 0) return [];
  const editors = contentEditors(db, documentId, claims.map((c) => c.id));
  const contents = publishedContents(db, documentId, claims, editors);
  const keys = knownKeys(db);
  return claims.map((stored) => {
    const content = contents.get(stored.id)!;
    const hash = contentHash(content);
    const checkers = claimCheckers(stored, editors);
    const decisions = decisionsOf.get(stored.id) ?? [];
    const checks: Record<string, ReviewCheck> = {};
    for (const review of decisions) checks[review.id] = reviewCheck(review, checkers, hash, keys);
    const latestTrusted = last(decisions, (r) => TRUSTED_CHECKS.has(checks[r.id]!));
    const approval = latestTrusted?.decision === 'approve' && checks[latestTrusted.id] === 'valid' ? latestTrusted : null;
    const latestApproval = last(decisions, (r) => r.decision === 'approve');
    const claim: Claim = {
      ...stored,
      status: approval ? 'verified' : unapprovedStatus(stored),
      verification: {
        approval: latestApproval ? approvalState(latestApproval, checks[latestApproval.id]!, content) : null,
        checks,
        checkers
      }
    };
    return { claim, approval, content };
  });
}

/**
 * The claims of one document with their derived status and verification, plus each claim's
 * published content and the approval it rests on.
 */
export const verifyClaims = (db: Db, documentId: string, claims: readonly Claim[]): Verified[] =>
  verifyWith(db, documentId, claims, decisionsByClaim(db, documentId, claims));

/**
 * The claims with their derived status, for every reader of claims. Only a claim with an approval or
 * a change request can be verified, so the published content (quote, evidence, hash) is built for
 * those alone: opening a document costs as many content hashes as it has reviewed claims.
 */
export function derivedClaims(db: Db, documentId: string, claims: readonly Claim[]): Claim[] {
  const decisions = decisionsByClaim(db, documentId, claims);
  const reviewed = verifyWith(db, documentId, claims.filter((c) => decisions.has(c.id)), decisions);
  const derived = new Map(reviewed.map((v) => [v.claim.id, v.claim]));
  // Who may approve a claim in review depends on who changed it; the others need not read the log.
  const inReview = claims.filter((c) => !derived.has(c.id) && unapprovedStatus(c) === 'in review').map((c) => c.id);
  const editors = contentEditors(db, documentId, inReview);
  return claims.map(
    (stored) =>
      derived.get(stored.id) ?? {
        ...stored,
        status: unapprovedStatus(stored),
        verification: { approval: null, checks: {}, checkers: claimCheckers(stored, editors) }
      }
  );
}

function last<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return items[i];
  return undefined;
}

/** A claim as its reviewer sees it: its published content, and the last trusted decision on it with what changed since. */
export function reviewView(db: Db, claim: Claim): ClaimReviewView {
  const decisions = decisionsByClaim(db, claim.documentId, [claim]);
  const [{ claim: derived, content }] = verifyWith(db, claim.documentId, [claim], decisions) as [Verified];
  const checks = derived.verification?.checks ?? {};
  const latest = last(decisions.get(claim.id) ?? [], (r) => r.content !== null && TRUSTED_CHECKS.has(checks[r.id]!));
  const hash = contentHash(content);
  if (!latest) return { content, contentHash: hash, lastReview: null };
  const reviewed = JSON.parse(latest.content!) as PublishedContent;
  return {
    content,
    contentHash: hash,
    lastReview: {
      reviewer: latest.author,
      decision: latest.decision as 'approve' | 'request changes',
      at: latest.createdAt,
      content: reviewed,
      changed: changedKeys(reviewed, content)
    }
  };
}
