/** The orphans table: mentions and claims a merge could not place in the local text, kept with all their data. */
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { withListedIds } from './rows';
import { statement } from './statements';

export interface OrphanRow {
  id: string;
  document_id: string;
  kind: string;
  record_json: string;
  children_json: string;
  reason: string;
  orphaned_at: string;
}

export function listOrphanRows(db: Db, documentId: string): OrphanRow[] {
  return statement(db, 'SELECT * FROM orphans WHERE document_id = ? ORDER BY orphaned_at, rowid').all(documentId) as OrphanRow[];
}

export function getOrphanRow(db: Db, id: string): OrphanRow | null {
  return (statement(db, 'SELECT * FROM orphans WHERE id = ?').get(id) as OrphanRow | undefined) ?? null;
}

/** The document of each of these ids that is an orphan, by id: one query for all of them. */
export function documentsOfOrphans(db: Db, ids: readonly string[]): Map<string, string> {
  const rows = statement(db, `SELECT x.id, x.document_id FROM ${withListedIds('orphans')}`).all(JSON.stringify(ids)) as {
    id: string;
    document_id: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.document_id]));
}

/** Inserts or replaces an orphan; logged in history (outside the undo stack: orphans are not record tables). */
export function saveOrphanRow(group: ChangeGroup, row: OrphanRow): void {
  const before = getOrphanRow(group.db, row.id);
  statement(
    group.db,
    `INSERT INTO orphans (id, document_id, kind, record_json, children_json, reason, orphaned_at)
     VALUES (@id, @document_id, @kind, @record_json, @children_json, @reason, @orphaned_at)
     ON CONFLICT (id) DO UPDATE SET record_json = excluded.record_json, children_json = excluded.children_json,
       reason = excluded.reason`
  ).run(row);
  group.note('orphans', row.id, before, row);
}

export function deleteOrphan(group: ChangeGroup, id: string): void {
  const before = getOrphanRow(group.db, id);
  if (!before) return;
  statement(group.db, 'DELETE FROM orphans WHERE id = ?').run(id);
  group.note('orphans', id, before, null);
}
