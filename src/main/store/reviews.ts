import type { Review } from '../../shared/domain';
import type { Db } from './open';
import { type Row, getRecord } from './rows';
import { statement } from './statements';

export interface ReviewRow extends Row {
  id: string;
  claim_id: string;
  author: string;
  decision: string;
  comment: string;
  self_review: number;
  created_at: string;
  content_json: string | null;
  content_hash: string | null;
  public_key: string | null;
  signature: string | null;
}

export const toReview = (row: ReviewRow): Review => ({
  id: row.id,
  claimId: row.claim_id,
  author: row.author,
  decision: row.decision as Review['decision'],
  comment: row.comment,
  selfReview: row.self_review === 1,
  createdAt: row.created_at,
  content: row.content_json,
  contentHash: row.content_hash,
  publicKey: row.public_key,
  signature: row.signature
});

export const reviewRow = (r: Review): ReviewRow => ({
  id: r.id,
  claim_id: r.claimId,
  author: r.author,
  decision: r.decision,
  comment: r.comment,
  self_review: r.selfReview ? 1 : 0,
  created_at: r.createdAt,
  content_json: r.content,
  content_hash: r.contentHash,
  public_key: r.publicKey,
  signature: r.signature
});

export function listReviewsOfDocument(db: Db, documentId: string): Review[] {
  return (
    statement(
      db,
      `SELECT r.* FROM reviews r JOIN claims c ON c.id = r.claim_id
       WHERE c.document_id = ? ORDER BY r.created_at, r.rowid`
    ).all(documentId) as ReviewRow[]
  ).map(toReview);
}

export function listReviewsOfClaim(db: Db, claimId: string): Review[] {
  return (
    statement(db, 'SELECT * FROM reviews WHERE claim_id = ? ORDER BY created_at, rowid').all(claimId) as ReviewRow[]
  ).map(toReview);
}

/** Ids of a document's claims that have an approval or a change request: the ones whose status derives from reviews. */
export function claimIdsWithDecisions(db: Db, documentId: string): string[] {
  return statement(
    db,
    `SELECT DISTINCT r.claim_id FROM reviews r JOIN claims c ON c.id = r.claim_id
     WHERE c.document_id = ? AND r.decision != 'comment'`
  )
    .pluck()
    .all(documentId) as string[];
}

export const getReview = (db: Db, id: string): Review | null => getRecord(db, 'reviews', id, toReview);
