/** Raw SQLite row values and the tables whose records the change log can snapshot and restore. */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export const RECORD_TABLES = ['documents', 'entities', 'mentions', 'claims', 'evidence', 'reviews'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export const isRecordTable = (name: string): name is RecordTable =>
  (RECORD_TABLES as readonly string[]).includes(name);

export const parseJson = <T>(text: string | null | undefined, fallback: T): T =>
  text == null ? fallback : (JSON.parse(text) as T);
