import { z } from 'zod';
import type { HistoryEntry, VerdictScale } from '../../domain';
import type { PublishedContent } from '../../published-content';
import { id, method, returns } from '../define';

export interface HistoryPage {
  /** Newest first. */
  entries: HistoryEntry[];
  /** Pass as `beforeSeq` for the next (older) page; null when there is none. */
  nextBeforeSeq: number | null;
}

/** A signing key as people compare it: whose it is and its fingerprint. */
export interface KeyInfo {
  userName: string;
  /** SHA-256 of the public key, 64 hex digits. */
  fingerprint: string;
  /** The first 16 hex digits in groups of four, as fact sheets and the window show it. */
  shortFingerprint: string;
}

/** A claim as a reviewer sees it: as it will be published, and what changed since the last review. */
export interface ClaimReviewView {
  /** What a fact sheet would show for the claim now. */
  content: PublishedContent;
  /** SHA-256 of that content: what an approval signs; reviews.create takes it back to say what was reviewed. */
  contentHash: string;
  /**
   * The latest approval or change request signed under a key this library trusts, the content
   * it was given on and the parts changed since; null when there is none.
   */
  lastReview: {
    reviewer: string;
    decision: 'approve' | 'request changes';
    at: string;
    content: PublishedContent;
    changed: (keyof PublishedContent)[];
  } | null;
}

const verdictLabel = z.strictObject({
  label: z.string().trim().min(1).max(120),
  /** Position on the numeric scale; null for a label off it (Misleading, …). */
  value: z.number().int().min(-1000).max(1000).nullable()
});

/** The verification workflow's read side (history for the inspector) and verdict-scale editing. */
export const verificationMethods = {
  /**
   * Every change to a claim, its evidence and its reviews (status moves, edits, reviews, undo and
   * redo), newest first. Records in `before`/`after` are domain records (Claim, Evidence, Review).
   */
  'claims.history': method(z.strictObject({ id }), returns<HistoryEntry[]>()),
  /** The claim as it will be published, and what changed since its last review. */
  'claims.reviewView': method(z.strictObject({ id }), returns<ClaimReviewView>()),
  /** Every change to a document's records, newest first, a page at a time. */
  'documents.history': method(
    z.strictObject({
      documentId: id,
      limit: z.number().int().min(1).max(1000).optional(),
      beforeSeq: z.number().int().min(1).optional()
    }),
    returns<HistoryPage>()
  ),
  /**
   * Saves a verdict scale. Without `id` a new scale is created (version 1); with the id of an
   * existing scale a new version is written. Verdicts keep the scale id and version they were
   * given on. Labels must be unique (ignoring case); numbers unique integers or null.
   */
  /** The current user's signing key, made on first use. */
  'keys.mine': method(z.strictObject({}), returns<KeyInfo>()),
  /**
   * Trusts a public key for a user name, so that reviews it signed count. A name keeps the first
   * key trusted for it: another key for a known name is refused.
   */
  'keys.trust': method(
    z.strictObject({ userName: z.string().trim().min(1).max(200), publicKey: z.string().min(40).max(200) }),
    returns<KeyInfo>()
  ),
  'scales.save': method(
    z.strictObject({
      id: id.optional(),
      name: z.string().trim().min(1).max(120),
      labels: z.array(verdictLabel).min(1).max(50)
    }),
    returns<VerdictScale>()
  )
} as const;
