/** Orphans: mentions and claims a merge could not place in the local text, kept with all their data. */
import type { ChangeGroup } from '../store/history';
import type { Db } from '../store/open';
import { type OrphanRow, getOrphanRow, listOrphanRows, saveOrphanRow } from '../store/orphans';
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

const toOrphan = (row: OrphanRow): Orphan => {
  const { content, target } = JSON.parse(row.record_json) as { content: MentionContent & ClaimContent; target: FileTarget };
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind as SpanKind,
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

export const listOrphans = (db: Db, documentId: string): Orphan[] => listOrphanRows(db, documentId).map(toOrphan);

export function getOrphan(db: Db, id: string): Orphan | null {
  const row = getOrphanRow(db, id);
  return row ? toOrphan(row) : null;
}

/** Inserts or replaces an orphan; logged in history (outside the undo stack: orphans are not record tables). */
export const saveOrphan = (group: ChangeGroup, orphan: Orphan): void => saveOrphanRow(group, toRow(orphan));
