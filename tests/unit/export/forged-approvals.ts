/** Signed approvals as an attacker would change them, for the verify-sheet tests. */
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '../../../src/main/export/canonical-json';
import type { SignedApproval } from '../../../src/main/export/fact-sheet';
import { exportPublicKey, signValue } from '../../../src/main/identity/signature';
import { sha256Hex } from '../../../src/main/import/hash';
import { signedReviewPart } from '../../../src/main/workflow/verification';

const signedPart = (claimId: string, a: SignedApproval) =>
  signedReviewPart({ claimId, decision: 'approve', comment: a.comment, contentHash: a.contentHash, author: a.reviewer, createdAt: a.at, selfReview: a.selfReview });

/** The approved content changed and its hash with it; the reviewer's signature kept. */
export function forged(approval: SignedApproval): SignedApproval {
  const content = { ...JSON.parse(approval.content), explanation: 'Forged.' };
  const json = canonicalJson(content);
  return { ...approval, content: json, contentHash: sha256Hex(json) };
}

/** The approval signed again with a key nobody trusts. */
export function resigned(claimId: string, approval: SignedApproval): SignedApproval {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const next = { ...approval, publicKey: exportPublicKey(publicKey) };
  return { ...next, signature: signValue(privateKey, signedPart(claimId, next)) };
}
