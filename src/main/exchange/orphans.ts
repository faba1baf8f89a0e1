/** Orphans: mentions and claims a merge could not place in the local text, kept with all their data. */
import type { ChangeGroup } from '../store/history';
import type { Db } from '../store/open';
import { statement } from '../store/statements';
import type { FileTarget } from './file-schema';
import type { ClaimContent, EvidenceContent, MentionContent, ReviewContent, SpanKind } from './records';

export interface OrphanChildren {
  evidence: EvidenceContent[];
  reviews: ReviewContent[];
}

export type Orphan = {
  id: string;
  documentId: string;
  /** The selectors it had where it came from: the quote to look for, and a position hint. */
  target: FileTarget;
  children: OrphanChildren;
  reason: string;
  orphanedAt: string;
} & ({ kind: 'mention'; content: MentionContent } | { kind: 'claim'; content: ClaimContent });

interface OrphanRow {
  id: string;
  document_id: string;
  kind: SpanKind;
  record_json: string;
  children_json: string;
  reason: string;
  orphaned_at: string;
}

const toOrphan = (row: OrphanRow): Orphan => {
  const { content, target } = JSON.parse(row.record_json) as { content: MentionContent & ClaimContent; target: FileTarget };
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind,
    content,
    target,
    children: JSON.parse(row.children_json) as OrphanChildren,
    reason: row.reason,
    orphanedAt: row.orphaned_at
  } as Orphan;
};

const toRow = (orphan: Orphan): OrphanRow => ({
  id: orphan.id,
  document_id: orphan.documentId,
  kind: orphan.kind,
  record_json: JSON.stringify({ content: orphan.content, target: orphan.target }),
  children_json: JSON.stringify(orphan.children),
  reason: orphan.reason,
  orphaned_at: orphan.orphanedAt
});

export function listOrphans(db: Db, documentId: string): Orphan[] {
  return (statement(db, 'SELECT * FROM orphans WHERE document_id = ? ORDER BY orphaned_at, rowid').all(documentId) as OrphanRow[]).map(
    toOrphan
  );
}

export function getOrphan(db: Db, id: string): Orphan | null {
  const row = statement(db, 'SELECT * FROM orphans WHERE id = ?').get(id) as OrphanRow | undefined;
  return row ? toOrphan(row) : null;
}

/** Inserts or replaces an orphan; logged in history (outside the undo stack: orphans are not record tables). */
export function saveOrphan(group: ChangeGroup, orphan: Orphan): void {
  const before = statement(group.db, 'SELECT * FROM orphans WHERE id = ?').get(orphan.id) ?? null;
  const row = toRow(orphan);
  statement(
    group.db,
    `INSERT INTO orphans (id, document_id, kind, record_json, children_json, reason, orphaned_at)
     VALUES (@id, @document_id, @kind, @record_json, @children_json, @reason, @orphaned_at)
     ON CONFLICT (id) DO UPDATE SET record_json = excluded.record_json, children_json = excluded.children_json,
       reason = excluded.reason`
  ).run(row);
  group.note('orphans', orphan.id, before, row);
}

export function deleteOrphan(group: ChangeGroup, id: string): void {
  const before = statement(group.db, 'SELECT * FROM orphans WHERE id = ?').get(id) ?? null;
  if (!before) return;
  statement(group.db, 'DELETE FROM orphans WHERE id = ?').run(id);
  group.note('orphans', id, before, null);
}
