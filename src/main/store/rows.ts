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
