/** Stored merge conflicts: one per record field ('*' for an edit against a deletion). */
import {
  type ConflictRow,
  conflictRowsOfRecord,
  conflictedRecordIds,
  getConflictRow,
  listConflictRows,
  saveConflictRow
} from '../store/exchange-conflicts';
import type { ChangeGroup } from '../store/history';
import type { Db } from '../store/open';
import { type RecordKind, recordKey } from './records';

/** The field of a conflict between an edit on one side and a deletion on the other. */
export const WHOLE_RECORD = '*';

export interface StoredConflict {
  id: string;
  documentId: string;
  kind: RecordKind;
  recordId: string;
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  theirsAuthor: string;
  fileName: string;
  createdAt: string;
}

const toConflict = (row: ConflictRow): StoredConflict => ({
  id: row.id,
  documentId: row.document_id,
  kind: row.record_type as RecordKind,
  recordId: row.record_id,
  field: row.field,
  base: JSON.parse(row.base_json),
  mine: JSON.parse(row.mine_json),
  theirs: JSON.parse(row.theirs_json),
  theirsAuthor: row.theirs_author,
  fileName: row.file_name,
  createdAt: row.created_at
});

const toRow = (c: StoredConflict): ConflictRow => ({
  id: c.id,
  document_id: c.documentId,
  record_type: c.kind,
  record_id: c.recordId,
  field: c.field,
  base_json: JSON.stringify(c.base ?? null),
  mine_json: JSON.stringify(c.mine ?? null),
  theirs_json: JSON.stringify(c.theirs ?? null),
  theirs_author: c.theirsAuthor,
  file_name: c.fileName,
  created_at: c.createdAt
});

/** A document's open conflicts, or every open conflict when documentId is null; oldest first. */
export const listConflicts = (db: Db, documentId: string | null): StoredConflict[] => listConflictRows(db, documentId).map(toConflict);

export function getConflict(db: Db, id: string): StoredConflict | null {
  const row = getConflictRow(db, id);
  return row ? toConflict(row) : null;
}

export const conflictsOfRecord = (db: Db, kind: RecordKind, recordId: string): StoredConflict[] =>
  conflictRowsOfRecord(db, kind, recordId).map(toConflict);

/** Keys (`kind:id`) of every record with an open conflict: one read instead of one per record. */
export const conflictedRecords = (db: Db): Set<string> =>
  new Set(conflictedRecordIds(db).map((row) => recordKey(row.record_type as RecordKind, row.record_id)));

/** Stores a conflict; an open one on the same record field keeps its id and takes the new sides. */
export const saveConflict = (group: ChangeGroup, conflict: StoredConflict): StoredConflict => toConflict(saveConflictRow(group, toRow(conflict)));
