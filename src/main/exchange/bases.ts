/**
 * Exchange bases: every state of a record that crossed an exchange, keyed by its revision. The
 * newest one is the "base" a file's record is compared against in a three-way merge. They are
 * stored once per exchange (a set per document, and one for the library's entities), not per record.
 */
import { baseSetContents, baseSetsOf, saveBaseSet } from '../store/exchange-bases';
import type { Db } from '../store/open';
import type { AnnotationFile } from './file-schema';
import { type AnyContent, type RecordKind, KIND_INFO, RECORD_KINDS, contentOfRecord, recordKey } from './records';

/** A record's exchanged revisions, newest first, and the document its newest base was stored under. */
interface RecordBases {
  kind: RecordKind;
  id: string;
  revisions: string[];
  documentId: string | null;
  /** Where each revision's content is (same order as `revisions`): its set and its place in that set. */
  places: { seq: number; index: number }[];
}

const NO_REVISIONS: readonly string[] = [];

/**
 * The bases of one document's records and of the library's entities, read once: a file holds
 * thousands of records, and a query for each would cost more than the rest of a merge. A set's
 * contents are read only when a merge needs one of them. Bases are written only after a merge
 * (recordFileBases), so what this holds stays true while it runs.
 */
export class ExchangeBases {
  private readonly records = new Map<string, RecordBases>();
  private readonly contents = new Map<number, AnyContent[]>();

  constructor(
    private readonly db: Db,
    readonly documentId: string
  ) {
    const sets = baseSetsOf(db, documentId);
    // Newest set first, and within a set the last entry first: the first revision met is the newest.
    for (let s = sets.length - 1; s >= 0; s -= 1) {
      const set = sets[s]!;
      const entries = JSON.parse(set.records_json) as [RecordKind, string, string][];
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [kind, id, revision] = entries[index]!;
        const key = recordKey(kind, id);
        let bases = this.records.get(key);
        if (!bases) this.records.set(key, (bases = { kind, id, revisions: [], documentId: set.document_id, places: [] }));
        else if (bases.revisions.includes(revision)) continue;
        bases.revisions.push(revision);
        bases.places.push({ seq: set.seq, index });
      }
    }
  }

  /** The record's exchanged revisions, newest first. */
  revisionsOf(kind: RecordKind, id: string): readonly string[] {
    return this.records.get(recordKey(kind, id))?.revisions ?? NO_REVISIONS;
  }

  has(kind: RecordKind, id: string, revision: string): boolean {
    return this.revisionsOf(kind, id).includes(revision);
  }

  /** The content of one exchanged state of a record, or null when that state was never exchanged. */
  content(kind: RecordKind, id: string, revision: string): AnyContent | null {
    const bases = this.records.get(recordKey(kind, id));
    const place = bases?.places[bases.revisions.indexOf(revision)];
    if (!place) return null;
    let contents = this.contents.get(place.seq);
    if (!contents) this.contents.set(place.seq, (contents = JSON.parse(baseSetContents(this.db, place.seq)) as AnyContent[]));
    return contents[place.index]!;
  }

  /** Is this state already the record's newest base, under this document? Storing it again would change nothing. */
  isNewest(kind: RecordKind, id: string, revision: string, documentId: string | null): boolean {
    const bases = this.records.get(recordKey(kind, id));
    return bases !== undefined && bases.revisions[0] === revision && bases.documentId === documentId;
  }

  /** The records of this document (not entities) that crossed an exchange. */
  documentRecords(): { kind: RecordKind; id: string }[] {
    return [...this.records.values()].filter((bases) => bases.kind !== 'entity').map(({ kind, id }) => ({ kind, id }));
  }
}

/** The set stored for a document: its number, and where each record is in it. */
export interface StoredSet {
  seq: number;
  index: Map<string, number>;
}

/**
 * Every record of a file crossed an exchange (written or received): its state becomes a base, the
 * newest one of its record. The states that are not their record's newest base already are stored
 * as one set for the document and one for entities (opening the same file twice writes nothing
 * here; `known` holds the document's bases, read once by the caller before). Returns the
 * document's set, if one was stored.
 */
export function recordFileBases(db: Db, file: AnnotationFile, known: ExchangeBases): StoredSet | null {
  let stored: StoredSet | null = null;
  for (const owner of [null, known.documentId]) {
    const records: [RecordKind, string, string][] = [];
    const contents: AnyContent[] = [];
    for (const kind of RECORD_KINDS) {
      if ((kind === 'entity') !== (owner === null)) continue;
      for (const record of file[KIND_INFO[kind].list]) {
        if (known.isNewest(kind, record.id, record.revision, owner)) continue;
        records.push([kind, record.id, record.revision]);
        contents.push(contentOfRecord(record));
      }
    }
    if (records.length === 0) continue;
    const seq = saveBaseSet(db, owner, JSON.stringify(records), JSON.stringify(contents));
    if (owner !== null) stored = { seq, index: new Map(records.map(([kind, id], index) => [recordKey(kind, id), index])) };
  }
  return stored;
}
