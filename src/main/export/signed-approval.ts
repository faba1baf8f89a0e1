/**
 * The signed approval a fact sheet carries for each claim, as one base64 token (the canonical JSON
 * of the approval), and the checks verify-sheet runs on it: the content matches its hash, the
 * signature is valid, the key is the one the library trusts for the reviewer, and the reviewer is
 * not the checker (unless self-review was confirmed).
 */
import type { Review } from '../../shared/domain';
import { isNamedIn } from '../../shared/person-name';
import { keyFingerprint, shortFingerprint, signatureValid } from '../identity/signature';
import { sha256Hex } from '../import/hash';
import type { KnownKey } from '../store/known-keys';
import type { PublishedContent } from '../workflow/published-content';
import { signedReviewPart } from '../workflow/verification';
import { canonicalJson } from './canonical-json';
import { type SheetClaim, type SignedApproval, sheetClaim } from './fact-sheet';

export const approvalToken = (approval: SignedApproval): string => Buffer.from(canonicalJson(approval), 'utf8').toString('base64');

const STRING_FIELDS = ['reviewer', 'at', 'comment', 'content', 'contentHash', 'publicKey', 'signature'] as const;

/** The approval in a token, or null when the token is not one. */
export function readApprovalToken(token: string): SignedApproval | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>;
    if (!STRING_FIELDS.every((f) => typeof value[f] === 'string') || typeof value.selfReview !== 'boolean') return null;
    return value as unknown as SignedApproval;
  } catch {
    return null;
  }
}

/** The approval as the review record it was signed as. */
const asReview = (claimId: string, a: SignedApproval): Review => ({
  id: '',
  claimId,
  author: a.reviewer,
  decision: 'approve',
  comment: a.comment,
  selfReview: a.selfReview,
  createdAt: a.at,
  content: a.content,
  contentHash: a.contentHash,
  publicKey: a.publicKey,
  signature: a.signature
});

export type ApprovalReading = { ok: true; claim: SheetClaim; content: PublishedContent } | { ok: false; reason: string };

/** Checks one claim's signed approval; on success, the claim exactly as the approval lets a sheet show it. */
export function readApproval(claimId: string, token: string | null, keys: Map<string, KnownKey>): ApprovalReading {
  const approval = token === null ? null : readApprovalToken(token);
  if (!approval) return { ok: false, reason: 'it carries no signed approval' };
  if (sha256Hex(approval.content) !== approval.contentHash) return { ok: false, reason: 'the approved content does not match its hash' };
  let content: PublishedContent;
  try {
    content = JSON.parse(approval.content) as PublishedContent;
  } catch {
    return { ok: false, reason: 'the approved content is not readable' };
  }
  if (content.id !== claimId) return { ok: false, reason: `the approval is for another claim (${String(content.id)})` };
  const review = asReview(claimId, approval);
  if (!signatureValid(approval.publicKey, signedReviewPart(review), approval.signature)) {
    return { ok: false, reason: `the signature of ${approval.reviewer}'s approval is not valid (forged or altered)` };
  }
  const fingerprint = shortFingerprint(keyFingerprint(approval.publicKey));
  const known = keys.get(approval.reviewer);
  if (!known) return { ok: false, reason: `signed with a key (${fingerprint}) that this library does not trust for ${approval.reviewer}` };
  if (known.publicKey !== approval.publicKey) {
    return {
      ok: false,
      reason: `signed with another key (${fingerprint}) than the one this library trusts for ${approval.reviewer} (${shortFingerprint(known.fingerprint)})`
    };
  }
  if (isNamedIn(content.checkedBy, approval.reviewer) && !approval.selfReview) {
    return { ok: false, reason: `approved by ${approval.reviewer}, who checked it, without a confirmed self-review` };
  }
  return { ok: true, claim: sheetClaim(content, review), content };
}
