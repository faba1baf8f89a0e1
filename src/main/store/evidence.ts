import type { Evidence } from '../../shared/domain';
import type { Db } from './open';
import { type Row, getRecord } from './rows';
import { statement } from './statements';

export interface EvidenceRow extends Row {
  id: string;
  claim_id: string;
  relation: string;
  title: string;
  url: string;
  archived_url: string;
  publisher: string;
  accessed_at: string;
  excerpt: string;
  note: string;
  position: number;
  author: string;
  created_at: string;
  updated_at: string;
}

export const toEvidence = (row: EvidenceRow): Evidence => ({
  id: row.id,
  claimId: row.claim_id,
  relation: row.relation as Evidence['relation'],
  title: row.title,
  url: row.url,
  archivedUrl: row.archived_url,
  publisher: row.publisher,
  accessedAt: row.accessed_at,
  excerpt: row.excerpt,
  note: row.note,
  position: row.position,
  author: row.author,
  createdAt: row.created_at,
  updatedAt: row.updated_at
});

export const evidenceRow = (e: Evidence): EvidenceRow => ({
  id: e.id,
  claim_id: e.claimId,
  relation: e.relation,
  title: e.title,
  url: e.url,
  archived_url: e.archivedUrl,
  publisher: e.publisher,
  accessed_at: e.accessedAt,
  excerpt: e.excerpt,
  note: e.note,
  position: e.position,
  author: e.author,
  created_at: e.createdAt,
  updated_at: e.updatedAt
});

export const getEvidence = (db: Db, id: string): Evidence | null => getRecord(db, 'evidence', id, toEvidence);

export function listEvidenceOfClaim(db: Db, claimId: string): Evidence[] {
  return (
    statement(db, 'SELECT * FROM evidence WHERE claim_id = ? ORDER BY position, created_at').all(claimId) as EvidenceRow[]
  ).map(toEvidence);
}

export function listEvidenceOfDocument(db: Db, documentId: string): Evidence[] {
  return (
    statement(
      db,
      `SELECT e.* FROM evidence e JOIN claims c ON c.id = e.claim_id
       WHERE c.document_id = ? ORDER BY c.start, e.position, e.created_at`
    ).all(documentId) as EvidenceRow[]
  ).map(toEvidence);
}

export function nextEvidencePosition(db: Db, claimId: string): number {
  const row = statement(db, 'SELECT coalesce(max(position), -1) + 1 AS next FROM evidence WHERE claim_id = ?').get(
    claimId
  ) as { next: number };
  return row.next;
}
