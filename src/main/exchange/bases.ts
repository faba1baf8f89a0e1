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

/** A record's exchanged revisions, newest first, and the document its newest base was stored under. */
interface RecordBases {
  revisions: string[];
  documentId: string | null;
}

const NO_REVISIONS: readonly string[] = [];

/** The records of a file, by the file's array names: an AnnotationFile, or the contents a file is being built from. */
export type RecordLists = { readonly [L in (typeof KIND_INFO)[RecordKind]['list']]: readonly { id: string }[] };

/**
 * The exchanged revisions of every record in a file, read with one query per kind: a file holds
 * thousands of records, and a query for each would cost more than the rest of a merge. Bases are
 * written only after a merge (recordFileBases), so what this holds stays true while it runs.
 */
export class FileBases {
  private readonly records = new Map<RecordKind, Map<string, RecordBases>>();

  constructor(db: Db, records: RecordLists) {
    for (const kind of RECORD_KINDS) {
      const list = records[KIND_INFO[kind].list];
      const known = new Map<string, RecordBases>();
      this.records.set(kind, known);
      if (list.length === 0) continue;
      const rows = statement(
        db,
        `SELECT record_id, revision, document_id FROM exchange_bases
         WHERE record_type = ? AND record_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC`
      )
        .raw()
        .all(kind, JSON.stringify(list.map((record) => record.id))) as [string, string, string | null][];
      for (const [id, revision, documentId] of rows) {
        const bases = known.get(id);
        if (bases) bases.revisions.push(revision);
        else known.set(id, { revisions: [revision], documentId });
      }
    }
  }

  /** The record's exchanged revisions, newest first (a record of the file only). */
  revisionsOf(kind: RecordKind, id: string): readonly string[] {
    return this.records.get(kind)!.get(id)?.revisions ?? NO_REVISIONS;
  }

  /** Is this state already the record's newest base, under this document? Storing it again would change nothing. */
  isNewest(kind: RecordKind, id: string, revision: string, documentId: string | null): boolean {
    const bases = this.records.get(kind)!.get(id);
    return bases !== undefined && bases.revisions[0] === revision && bases.documentId === documentId;
  }
}

const BASE_COLUMNS = '(record_type, record_id, revision, document_id, content_json, seq)';
const BASE_UPSERT = 'ON CONFLICT (record_type, record_id, revision) DO UPDATE SET seq = excluded.seq, document_id = excluded.document_id';
/** Bases written per INSERT statement (6 parameters each, well under SQLite's parameter limit). */
const BASES_PER_STATEMENT = 256;

const baseInsert = (rows: number) =>
  `INSERT INTO exchange_bases ${BASE_COLUMNS} VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')} ${BASE_UPSERT}`;

/**
 * Every record of a file crossed an exchange (written or received): its state becomes a base, the
 * newest one of its record, numbered in file order after every base already stored. A state that
 * already is its record's newest base stays as it is (opening the same file twice writes nothing
 * here; `known` holds the file's bases, read once by the caller before). Full batches go many
 * rows per statement (SQLite applies them row by row, as single inserts would), the rest one row
 * at a time, so only two statement texts are ever prepared.
 */
export function recordFileBases(db: Db, documentId: string, file: AnnotationFile, known: FileBases): void {
  let seq = (statement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM exchange_bases').get() as { seq: number }).seq;
  const rows: unknown[][] = [];
  for (const kind of RECORD_KINDS) {
    const owner = kind === 'entity' ? null : documentId;
    for (const record of file[KIND_INFO[kind].list]) {
      if (known.isNewest(kind, record.id, record.revision, owner)) continue;
      seq += 1;
      rows.push([kind, record.id, record.revision, owner, JSON.stringify(contentOfRecord(record)), seq]);
    }
  }
  const full = rows.length - (rows.length % BASES_PER_STATEMENT);
  for (let i = 0; i < full; i += BASES_PER_STATEMENT) {
    statement(db, baseInsert(BASES_PER_STATEMENT)).run(rows.slice(i, i + BASES_PER_STATEMENT).flat());
  }
  for (const row of rows.slice(full)) statement(db, baseInsert(1)).run(row);
}
