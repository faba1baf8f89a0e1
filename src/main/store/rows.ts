import type { Db } from './open';
import { statement } from './statements';

/** Raw SQLite row values and the tables whose records the change log can snapshot and restore. */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export const RECORD_TABLES = ['documents', 'entities', 'mentions', 'claims', 'evidence', 'reviews'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export const isRecordTable = (name: string): name is RecordTable =>
  (RECORD_TABLES as readonly string[]).includes(name);

export const parseJson = <T>(text: string | null | undefined, fallback: T): T =>
  text == null ? fallback : (JSON.parse(text) as T);

/** One record of a table by id, converted to its domain shape; null when there is none. */
export function getRecord<R, T>(db: Db, table: RecordTable, id: string, convert: (row: R) => T): T | null {
  const row = statement(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as R | undefined;
  return row ? convert(row) : null;
}

/** The record tables whose records belong to one document. */
export type DocumentPartTable = Exclude<RecordTable, 'documents' | 'entities'>;

/**
 * The records of `table` (as `x`) with one of the ids in the JSON list bound to the statement. A
 * join with the list, not `IN (…)`: SQLite then builds no index of the ids first (a shared file
 * brings thousands), and an empty table is not searched at all.
 */
export const withListedIds = (table: string) => `json_each(?) listed JOIN ${table} x ON x.id = listed.value`;

/**
 * The document of each of these records that exists, by id: one query for all of them. Evidence
 * and reviews belong to the document of their claim.
 */
export function documentsOfRecords(db: Db, table: DocumentPartTable, ids: readonly string[]): Map<string, string> {
  const sql =
    table === 'mentions' || table === 'claims'
      ? `SELECT x.id, x.document_id FROM ${withListedIds(table)}`
      : `SELECT x.id, c.document_id FROM ${withListedIds(table)} JOIN claims c ON c.id = x.claim_id`;
  const rows = statement(db, sql).all(JSON.stringify(ids)) as { id: string; document_id: string }[];
  return new Map(rows.map((row) => [row.id, row.document_id]));
}
