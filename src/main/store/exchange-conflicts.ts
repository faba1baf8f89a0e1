/** The exchange_conflicts table: merge conflicts, one per record field ('*' for an edit against a deletion). */
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { statement } from './statements';

export interface ConflictRow {
  id: string;
  document_id: string;
  record_type: string;
  record_id: string;
  field: string;
  base_json: string;
  mine_json: string;
  theirs_json: string;
  theirs_author: string;
  file_name: string;
  created_at: string;
}

/** A document's open conflicts, or every open conflict when documentId is null; oldest first. */
export function listConflictRows(db: Db, documentId: string | null): ConflictRow[] {
  return (
    documentId === null
      ? statement(db, 'SELECT * FROM exchange_conflicts ORDER BY created_at, rowid').all()
      : statement(db, 'SELECT * FROM exchange_conflicts WHERE document_id = ? ORDER BY created_at, rowid').all(documentId)
  ) as ConflictRow[];
}

export function getConflictRow(db: Db, id: string): ConflictRow | null {
  return (statement(db, 'SELECT * FROM exchange_conflicts WHERE id = ?').get(id) as ConflictRow | undefined) ?? null;
}

export function conflictRowsOfRecord(db: Db, kind: string, recordId: string): ConflictRow[] {
  return statement(db, 'SELECT * FROM exchange_conflicts WHERE record_type = ? AND record_id = ? ORDER BY rowid').all(kind, recordId) as ConflictRow[];
}

/** Kind and id of every record with an open conflict. */
export function conflictedRecordIds(db: Db): { record_type: string; record_id: string }[] {
  return statement(db, 'SELECT DISTINCT record_type, record_id FROM exchange_conflicts').all() as { record_type: string; record_id: string }[];
}

export function countConflicts(db: Db, documentId: string): number {
  return (statement(db, 'SELECT count(*) AS n FROM exchange_conflicts WHERE document_id = ?').get(documentId) as { n: number }).n;
}

/** Stores a conflict, logged in history; an open one on the same record field keeps its id and takes the new sides. */
export function saveConflictRow(group: ChangeGroup, conflict: ConflictRow): ConflictRow {
  const existing = statement(group.db, 'SELECT * FROM exchange_conflicts WHERE record_type = ? AND record_id = ? AND field = ?').get(
    conflict.record_type,
    conflict.record_id,
    conflict.field
  ) as ConflictRow | undefined;
  const row = { ...conflict, id: existing?.id ?? conflict.id };
  statement(
    group.db,
    `INSERT INTO exchange_conflicts (id, document_id, record_type, record_id, field, base_json, mine_json, theirs_json, theirs_author, file_name, created_at)
     VALUES (@id, @document_id, @record_type, @record_id, @field, @base_json, @mine_json, @theirs_json, @theirs_author, @file_name, @created_at)
     ON CONFLICT (record_type, record_id, field) DO UPDATE SET base_json = excluded.base_json, mine_json = excluded.mine_json,
       theirs_json = excluded.theirs_json, theirs_author = excluded.theirs_author, file_name = excluded.file_name,
       created_at = excluded.created_at`
  ).run(row);
  group.note('exchange_conflicts', row.id, existing ?? null, row);
  return row;
}

export function deleteConflict(group: ChangeGroup, id: string): void {
  const before = getConflictRow(group.db, id);
  if (!before) return;
  statement(group.db, 'DELETE FROM exchange_conflicts WHERE id = ?').run(id);
  group.note('exchange_conflicts', id, before, null);
}
