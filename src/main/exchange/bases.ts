/**
 * Exchange bases: every state of a record that crossed an exchange, keyed by its revision. The
 * newest one is the "base" a file's record is compared against in a three-way merge.
 */
import type { Db } from '../store/open';
import { parseJson } from '../store/rows';
import {
  type BaseRow,
  baseContentJson,
  basesOfRecords,
  lastBaseSeq,
  saveBases
} from '../store/exchange-bases';
import type { AnnotationFile } from './file-schema';
import { type AnyContent, type RecordKind, KIND_INFO, RECORD_KINDS, contentOfRecord } from './records';

export function baseContent(db: Db, kind: RecordKind, id: string, revision: string): AnyContent | null {
  const json = baseContentJson(db, kind, id, revision);
  return json === null ? null : parseJson<AnyContent>(json, null as never);
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
      for (const [id, revision, documentId] of basesOfRecords(db, kind, list.map((record) => record.id))) {
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

/**
 * Every record of a file crossed an exchange (written or received): its state becomes a base, the
 * newest one of its record, numbered in file order after every base already stored. A state that
 * already is its record's newest base stays as it is (opening the same file twice writes nothing
 * here; `known` holds the file's bases, read once by the caller before).
 */
export function recordFileBases(db: Db, documentId: string, file: AnnotationFile, known: FileBases): void {
  let seq = lastBaseSeq(db);
  const rows: BaseRow[] = [];
  for (const kind of RECORD_KINDS) {
    const owner = kind === 'entity' ? null : documentId;
    for (const record of file[KIND_INFO[kind].list]) {
      if (known.isNewest(kind, record.id, record.revision, owner)) continue;
      seq += 1;
      rows.push({ kind, recordId: record.id, revision: record.revision, documentId: owner, contentJson: JSON.stringify(contentOfRecord(record)), seq });
    }
  }
  saveBases(db, rows);
}
