/**
 * Exchange bases: every state of a record that crossed an exchange, keyed by its revision. The
 * newest one is the "base" a file's record is compared against in a three-way merge.
 */
import type { Db } from '../store/open';
import { parseJson } from '../store/rows';
import { statement } from '../store/statements';
import { MAX_BASE_REVISIONS } from './limits';
import type { AnnotationFile } from './file-schema';
import { type AnyContent, type RecordKind, KIND_INFO, RECORD_KINDS, contentOfRecord } from './records';

export function hasBase(db: Db, kind: RecordKind, id: string, revision: string): boolean {
  return !!statement(db, 'SELECT 1 FROM exchange_bases WHERE record_type = ? AND record_id = ? AND revision = ?').get(kind, id, revision);
}

export function baseContent(db: Db, kind: RecordKind, id: string, revision: string): AnyContent | null {
  const row = statement(db, 'SELECT content_json FROM exchange_bases WHERE record_type = ? AND record_id = ? AND revision = ?').get(
    kind,
    id,
    revision
  ) as { content_json: string } | undefined;
  return row ? parseJson<AnyContent>(row.content_json, null as never) : null;
}

/** The record's exchanged revisions, newest first. */
export function exchangedRevisions(db: Db, kind: RecordKind, id: string, limit = MAX_BASE_REVISIONS): string[] {
  return (
    statement(db, 'SELECT revision FROM exchange_bases WHERE record_type = ? AND record_id = ? ORDER BY seq DESC LIMIT ?').all(
      kind,
      id,
      limit
    ) as { revision: string }[]
  ).map((row) => row.revision);
}

/** Every record of a document that has crossed an exchange (entities excluded: they are library-wide). */
export function exchangedRecords(db: Db, documentId: string): { kind: RecordKind; id: string }[] {
  return (
    statement(db, 'SELECT DISTINCT record_type AS kind, record_id AS id FROM exchange_bases WHERE document_id = ?').all(documentId) as {
      kind: RecordKind;
      id: string;
    }[]
  );
}

const BASE_COLUMNS = '(record_type, record_id, revision, document_id, content_json, seq)';
const BASE_UPSERT = 'ON CONFLICT (record_type, record_id, revision) DO UPDATE SET seq = excluded.seq, document_id = excluded.document_id';
/** Bases written per INSERT statement (6 parameters each, well under SQLite's parameter limit). */
const BASES_PER_STATEMENT = 256;

const baseInsert = (rows: number) =>
  `INSERT INTO exchange_bases ${BASE_COLUMNS} VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')} ${BASE_UPSERT}`;

/**
 * Every record of a file crossed an exchange (written or received): its state becomes a base, the
 * newest one of its record, numbered in file order after every base already stored. Full batches
 * go many rows per statement (SQLite applies them row by row, as single inserts would), the rest
 * one row at a time, so only two statement texts are ever prepared.
 */
export function recordFileBases(db: Db, documentId: string, file: AnnotationFile): void {
  let seq = (statement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM exchange_bases').get() as { seq: number }).seq;
  const rows: unknown[][] = [];
  for (const kind of RECORD_KINDS) {
    for (const record of file[KIND_INFO[kind].list]) {
      seq += 1;
      rows.push([kind, record.id, record.revision, kind === 'entity' ? null : documentId, JSON.stringify(contentOfRecord(record)), seq]);
    }
  }
  const full = rows.length - (rows.length % BASES_PER_STATEMENT);
  for (let i = 0; i < full; i += BASES_PER_STATEMENT) {
    statement(db, baseInsert(BASES_PER_STATEMENT)).run(rows.slice(i, i + BASES_PER_STATEMENT).flat());
  }
  for (const row of rows.slice(full)) statement(db, baseInsert(1)).run(row);
}
