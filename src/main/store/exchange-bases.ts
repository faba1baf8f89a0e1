/**
 * The exchange_bases table: every state of a record that crossed an exchange, keyed by its revision.
 * Record kinds are the exchange's names ('entity', 'mention', ...), stored as text.
 */
import type { Db } from './open';
import { statement } from './statements';

/** One stored state: the record's kind, id and revision, the document it was exchanged under, its content. */
export interface BaseRow {
  kind: string;
  recordId: string;
  revision: string;
  documentId: string | null;
  contentJson: string;
  seq: number;
}

export function hasBase(db: Db, kind: string, id: string, revision: string): boolean {
  return !!statement(db, 'SELECT 1 FROM exchange_bases WHERE record_type = ? AND record_id = ? AND revision = ?').get(kind, id, revision);
}

/** The stored content (JSON text) of one state of a record, or null when that state was never exchanged. */
export function baseContentJson(db: Db, kind: string, id: string, revision: string): string | null {
  const row = statement(db, 'SELECT content_json FROM exchange_bases WHERE record_type = ? AND record_id = ? AND revision = ?').get(
    kind,
    id,
    revision
  ) as { content_json: string } | undefined;
  return row?.content_json ?? null;
}

/** The record's exchanged revisions, newest first, at most `limit` of them. */
export function exchangedRevisions(db: Db, kind: string, id: string, limit: number): string[] {
  return (
    statement(db, 'SELECT revision FROM exchange_bases WHERE record_type = ? AND record_id = ? ORDER BY seq DESC LIMIT ?').all(
      kind,
      id,
      limit
    ) as { revision: string }[]
  ).map((row) => row.revision);
}

/** Every record stored under a document, by kind and id. */
export function exchangedRecords<K extends string>(db: Db, documentId: string): { kind: K; id: string }[] {
  return statement(db, 'SELECT DISTINCT record_type AS kind, record_id AS id FROM exchange_bases WHERE document_id = ?').all(documentId) as {
    kind: K;
    id: string;
  }[];
}

/** The exchanged revisions of these records of one kind, newest first: [record id, revision, document id]. */
export function basesOfRecords(db: Db, kind: string, ids: readonly string[]): [string, string, string | null][] {
  return statement(
    db,
    `SELECT record_id, revision, document_id FROM exchange_bases
     WHERE record_type = ? AND record_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC`
  )
    .raw()
    .all(kind, JSON.stringify(ids)) as [string, string, string | null][];
}

/** The highest sequence number stored, 0 when there is none: new bases are numbered after it. */
export function lastBaseSeq(db: Db): number {
  return (statement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM exchange_bases').get() as { seq: number }).seq;
}

const BASE_COLUMNS = '(record_type, record_id, revision, document_id, content_json, seq)';
const BASE_UPSERT = 'ON CONFLICT (record_type, record_id, revision) DO UPDATE SET seq = excluded.seq, document_id = excluded.document_id';
/** Bases written per INSERT statement (6 parameters each, well under SQLite's parameter limit). */
const BASES_PER_STATEMENT = 256;

const baseInsert = (rows: number) =>
  `INSERT INTO exchange_bases ${BASE_COLUMNS} VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')} ${BASE_UPSERT}`;

const baseValues = (row: BaseRow) => [row.kind, row.recordId, row.revision, row.documentId, row.contentJson, row.seq];

/**
 * Stores bases; a state already stored takes the new sequence number and document. Full batches go
 * many rows per statement (SQLite applies them row by row, as single inserts would), the rest one
 * row at a time, so only two statement texts are ever prepared.
 */
export function saveBases(db: Db, rows: readonly BaseRow[]): void {
  const full = rows.length - (rows.length % BASES_PER_STATEMENT);
  for (let i = 0; i < full; i += BASES_PER_STATEMENT) {
    statement(db, baseInsert(BASES_PER_STATEMENT)).run(rows.slice(i, i + BASES_PER_STATEMENT).flatMap(baseValues));
  }
  for (const row of rows.slice(full)) statement(db, baseInsert(1)).run(baseValues(row));
}
