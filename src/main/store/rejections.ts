/** Rejected entity suggestions (migration 0008): keyed by document (or library-wide), normalised text and type. */
import type { SuggestionRejection } from '../../shared/api/methods/assist';
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { statement } from './statements';

interface RejectionRow {
  id: string;
  document_id: string | null;
  text_key: string;
  type: string;
  exact: string;
  start: number | null;
  end: number | null;
  author: string;
  created_at: string;
}

const toRejection = (row: RejectionRow): SuggestionRejection => ({
  id: row.id,
  documentId: row.document_id,
  exact: row.exact,
  type: row.type,
  start: row.start,
  end: row.end,
  author: row.author,
  createdAt: row.created_at
});

/** The rejections that apply to a document: its own and the library-wide ones (all of them without a document). */
export function listRejections(db: Db, documentId?: string): SuggestionRejection[] {
  const rows = (
    documentId === undefined
      ? statement(db, 'SELECT * FROM suggestion_rejections ORDER BY created_at, rowid').all()
      : statement(db, 'SELECT * FROM suggestion_rejections WHERE document_id = ? OR document_id IS NULL ORDER BY created_at, rowid').all(documentId)
  ) as RejectionRow[];
  return rows.map(toRejection);
}

/** "type\u0000text key" of every rejection that applies to the document. */
export function rejectedKeys(db: Db, documentId: string): Set<string> {
  const rows = statement(db, 'SELECT type, text_key FROM suggestion_rejections WHERE document_id = ? OR document_id IS NULL').all(
    documentId
  ) as Array<{ type: string; text_key: string }>;
  return new Set(rows.map((r) => rejectionKey(r.type, r.text_key)));
}

export const rejectionKey = (type: string, textKey: string) => `${type}\u0000${textKey}`;

export interface NewRejection {
  id: string;
  documentId: string | null;
  textKey: string;
  type: string;
  exact: string;
  start: number | null;
  end: number | null;
}

/** Stores a rejection unless the same one exists; logged in history (not an undo step). Returns the stored row. */
export function insertRejection(group: ChangeGroup, rejection: NewRejection): SuggestionRejection {
  const existing = statement(
    group.db,
    `SELECT * FROM suggestion_rejections WHERE coalesce(document_id, '') = coalesce(?, '') AND text_key = ? AND type = ?`
  ).get(rejection.documentId, rejection.textKey, rejection.type) as RejectionRow | undefined;
  if (existing) return toRejection(existing);
  const row: RejectionRow = {
    id: rejection.id,
    document_id: rejection.documentId,
    text_key: rejection.textKey,
    type: rejection.type,
    exact: rejection.exact,
    start: rejection.start,
    end: rejection.end,
    author: group.user,
    created_at: group.at
  };
  statement(
    group.db,
    `INSERT INTO suggestion_rejections (id, document_id, text_key, type, exact, start, "end", author, created_at)
     VALUES (@id, @document_id, @text_key, @type, @exact, @start, @end, @author, @created_at)`
  ).run(row);
  group.note('suggestion_rejections', row.id, null, row);
  return toRejection(row);
}

export function removeRejection(group: ChangeGroup, id: string): boolean {
  const row = statement(group.db, 'SELECT * FROM suggestion_rejections WHERE id = ?').get(id) as RejectionRow | undefined;
  if (!row) return false;
  statement(group.db, 'DELETE FROM suggestion_rejections WHERE id = ?').run(id);
  group.note('suggestion_rejections', id, row, null);
  return true;
}
