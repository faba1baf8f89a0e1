import type { Claim } from '../../shared/domain';
import type { Db } from './open';
import { type Row, getRecord } from './rows';
import { statement } from './statements';

export interface ClaimRow extends Row {
  id: string;
  document_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  text: string;
  claimant_id: string | null;
  claim_date: string | null;
  score: number | null;
  score_reason: string | null;
  status: string;
  verdict_scale_id: string | null;
  verdict_scale_version: number | null;
  verdict_label: string | null;
  explanation: string;
  author: string;
  created_at: string;
  updated_at: string;
}

export const toClaim = (row: ClaimRow): Claim => ({
  id: row.id,
  documentId: row.document_id,
  start: row.start,
  end: row.end,
  exact: row.exact,
  prefix: row.prefix,
  suffix: row.suffix,
  text: row.text,
  claimantId: row.claimant_id,
  claimDate: row.claim_date,
  score: row.score,
  scoreReason: row.score_reason,
  status: row.status as Claim['status'],
  verdict:
    row.verdict_label !== null && row.verdict_scale_id !== null && row.verdict_scale_version !== null
      ? { scaleId: row.verdict_scale_id, scaleVersion: row.verdict_scale_version, label: row.verdict_label }
      : null,
  explanation: row.explanation,
  author: row.author,
  createdAt: row.created_at,
  updatedAt: row.updated_at
});

/** Verified is derived, never stored: a record that says so (an older shared file) is stored as in review. */
export const claimRow = (c: Omit<Claim, 'verification'>): ClaimRow => ({
  id: c.id,
  document_id: c.documentId,
  start: c.start,
  end: c.end,
  exact: c.exact,
  prefix: c.prefix,
  suffix: c.suffix,
  text: c.text,
  claimant_id: c.claimantId,
  claim_date: c.claimDate,
  score: c.score,
  score_reason: c.scoreReason,
  status: c.status === 'verified' ? 'in review' : c.status,
  verdict_scale_id: c.verdict?.scaleId ?? null,
  verdict_scale_version: c.verdict?.scaleVersion ?? null,
  verdict_label: c.verdict?.label ?? null,
  explanation: c.explanation,
  author: c.author,
  created_at: c.createdAt,
  updated_at: c.updatedAt
});

export const getClaim = (db: Db, id: string): Claim | null => getRecord(db, 'claims', id, toClaim);

export function listClaims(db: Db, documentId: string): Claim[] {
  return (
    statement(db, 'SELECT * FROM claims WHERE document_id = ? ORDER BY start, "end" DESC').all(documentId) as ClaimRow[]
  ).map(toClaim);
}
