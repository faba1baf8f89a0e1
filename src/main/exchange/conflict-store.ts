/** Stored merge conflicts: one per record field ('*' for an edit against a deletion). */
import type { ChangeGroup } from '../store/history';
import type { Db } from '../store/open';
import { statement } from '../store/statements';
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

interface ConflictRow {
  id: string;
  document_id: string;
  record_type: RecordKind;
  record_id: string;
  field: string;
  base_json: string;
  mine_json: string;
  theirs_json: string;
  theirs_author: string;
  file_name: string;
  created_at: string;
}

const toConflict = (row: ConflictRow): StoredConflict => ({
  id: row.id,
  documentId: row.document_id,
  kind: row.record_type,
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
export function listConflicts(db: Db, documentId: string | null): StoredConflict[] {
  const rows = (
    documentId === null
      ? statement(db, 'SELECT * FROM exchange_conflicts ORDER BY created_at, rowid').all()
      : statement(db, 'SELECT * FROM exchange_conflicts WHERE document_id = ? ORDER BY created_at, rowid').all(documentId)
  ) as ConflictRow[];
  return rows.map(toConflict);
}

export function getConflict(db: Db, id: string): StoredConflict | null {
  const row = statement(db, 'SELECT * FROM exchange_conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
  return row ? toConflict(row) : null;
}

export function conflictsOfRecord(db: Db, kind: RecordKind, recordId: string): StoredConflict[] {
  return (
    statement(db, 'SELECT * FROM exchange_conflicts WHERE record_type = ? AND record_id = ? ORDER BY rowid').all(kind, recordId) as ConflictRow[]
  ).map(toConflict);
}

/** Keys (`kind:id`) of every record with an open conflict: one read instead of one per record. */
export function conflictedRecords(db: Db): Set<string> {
  const rows = statement(db, 'SELECT DISTINCT record_type, record_id FROM exchange_conflicts').all() as { record_type: string; record_id: string }[];
  return new Set(rows.map((row) => recordKey(row.record_type as RecordKind, row.record_id)));
}

export function countConflicts(db: Db, documentId: string): number {
  return (statement(db, 'SELECT count(*) AS n FROM exchange_conflicts WHERE document_id = ?').get(documentId) as { n: number }).n;
}

/** Stores a conflict; an open one on the same record field keeps its id and takes the new sides. */
export function saveConflict(group: ChangeGroup, conflict: StoredConflict): StoredConflict {
  const existing = statement(group.db, 'SELECT * FROM exchange_conflicts WHERE record_type = ? AND record_id = ? AND field = ?').get(
    conflict.kind,
    conflict.recordId,
    conflict.field
  ) as ConflictRow | undefined;
  const row = toRow({ ...conflict, id: existing?.id ?? conflict.id });
  statement(
    group.db,
    `INSERT INTO exchange_conflicts (id, document_id, record_type, record_id, field, base_json, mine_json, theirs_json, theirs_author, file_name, created_at)
     VALUES (@id, @document_id, @record_type, @record_id, @field, @base_json, @mine_json, @theirs_json, @theirs_author, @file_name, @created_at)
     ON CONFLICT (record_type, record_id, field) DO UPDATE SET base_json = excluded.base_json, mine_json = excluded.mine_json,
       theirs_json = excluded.theirs_json, theirs_author = excluded.theirs_author, file_name = excluded.file_name,
       created_at = excluded.created_at`
  ).run(row);
  group.note('exchange_conflicts', row.id, existing ?? null, row);
  return toConflict(row);
}

export function deleteConflict(group: ChangeGroup, id: string): void {
  const before = statement(group.db, 'SELECT * FROM exchange_conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
  if (!before) return;
  statement(group.db, 'DELETE FROM exchange_conflicts WHERE id = ?').run(id);
  group.note('exchange_conflicts', id, before, null);
}
