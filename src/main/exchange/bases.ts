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

/** Records bases within one transaction, numbering them in exchange order. */
class BaseWriter {
  private seq: number;

  constructor(private readonly db: Db) {
    this.seq = (statement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM exchange_bases').get() as { seq: number }).seq;
  }

  /** Stores the state (again, as the newest) of a record that is crossing an exchange now. */
  record(kind: RecordKind, id: string, documentId: string, revision: string, content: AnyContent): void {
    this.seq += 1;
    statement(
      this.db,
      `INSERT INTO exchange_bases (record_type, record_id, revision, document_id, content_json, seq) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (record_type, record_id, revision) DO UPDATE SET seq = excluded.seq, document_id = excluded.document_id`
    ).run(kind, id, revision, kind === 'entity' ? null : documentId, JSON.stringify(content), this.seq);
  }
}

/** Every record of a file crossed an exchange (written or received): its state becomes a base. */
export function recordFileBases(db: Db, documentId: string, file: AnnotationFile): void {
  const bases = new BaseWriter(db);
  for (const kind of RECORD_KINDS) {
    for (const record of file[KIND_INFO[kind].list]) {
      bases.record(kind, record.id, documentId, record.revision, contentOfRecord(record));
    }
  }
}
