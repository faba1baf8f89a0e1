/**
 * Who changed what a claim's approval covers, read from the change log: the claim's checked fields
 * and its evidence as a fact sheet shows them. Undo and redo only bring back someone's earlier
 * version, so they make no one an editor; a change a shared file applied is its sender's (the file's
 * author), not the person who opened it. Entries received in a file keep the name of who made them.
 */
import type { Db } from './open';
import { statement } from './statements';

const CLAIM_CONTENT = ['start', 'end', 'exact', 'text', 'claimant_id', 'claim_date', 'verdict_scale_id', 'verdict_scale_version', 'verdict_label', 'explanation'];
const EVIDENCE_CONTENT = ['claim_id', 'relation', 'title', 'url', 'archived_url', 'publisher', 'accessed_at', 'excerpt', 'position'];

const differs = (columns: string[]) =>
  columns.map((c) => `json_extract(h.before_json, '$.${c}') IS NOT json_extract(h.after_json, '$.${c}')`).join(' OR ');

const EDITORS = `SELECT coalesce(s.sender, h.user) AS editor,
    CASE h.table_name WHEN 'claims' THEN h.record_id ELSE json_extract(coalesce(h.after_json, h.before_json), '$.claim_id') END AS claim_id,
    min(h.seq) AS first
  FROM history h LEFT JOIN history_sources s ON s.group_id = h.group_id
  WHERE h.document_id = ? AND h.table_name IN ('claims', 'evidence') AND h.action NOT LIKE 'undo %' AND h.action NOT LIKE 'redo %'
    AND CASE h.table_name
      WHEN 'claims' THEN h.after_json IS NOT NULL AND (h.before_json IS NULL OR ${differs(CLAIM_CONTENT)})
      ELSE h.before_json IS NULL OR h.after_json IS NULL OR ${differs(EVIDENCE_CONTENT)} END
  GROUP BY editor, claim_id ORDER BY first`;

/** The names of the people who changed each claim's checked content in one document, by claim id, earliest first. */
export function contentEditors(db: Db, documentId: string): Map<string, string[]> {
  const editors = new Map<string, string[]>();
  for (const row of statement(db, EDITORS).all(documentId) as { editor: string; claim_id: string | null }[]) {
    if (row.claim_id === null) continue;
    const list = editors.get(row.claim_id) ?? [];
    list.push(row.editor);
    editors.set(row.claim_id, list);
  }
  return editors;
}
