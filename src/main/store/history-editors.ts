/**
 * Who changed what a claim's approval covers, read from the change log: the claim's checked fields
 * and its evidence as a fact sheet shows them. Undo and redo only bring back someone's earlier
 * version, so they make no one an editor; a change a shared file applied is its sender's (the file's
 * author), not the person who opened it. Entries received in a file keep the name of who made them.
 */
import type { Db } from './open';
import { type Row, parseJson } from './rows';
import { statement } from './statements';

const CONTENT: Record<string, readonly string[]> = {
  claims: ['start', 'end', 'exact', 'text', 'claimant_id', 'claim_date', 'verdict_scale_id', 'verdict_scale_version', 'verdict_label', 'explanation'],
  evidence: ['claim_id', 'relation', 'title', 'url', 'archived_url', 'publisher', 'accessed_at', 'excerpt', 'position']
};

/**
 * The rows of the claims and of their evidence, read through the record and group indexes: evidence
 * present now, and evidence changed in a group that also touched the claim (every evidence edit
 * does), so a removed item is found too. CROSS JOIN keeps SQLite from scanning the document's log.
 */
const ROWS = `WITH claim_ids(id) AS (SELECT value FROM json_each(@claims)),
  records(id) AS (
    SELECT id FROM claim_ids
    UNION SELECT e.id FROM evidence e WHERE e.claim_id IN claim_ids
    UNION SELECT g.record_id FROM claim_ids c CROSS JOIN history h ON h.record_id = c.id CROSS JOIN history g ON g.group_id = h.group_id
      WHERE g.table_name = 'evidence')
  SELECT coalesce(s.sender, h.user) AS editor, h.table_name, h.record_id, h.before_json, h.after_json
  FROM records r CROSS JOIN history h ON h.record_id = r.id LEFT JOIN history_sources s ON s.group_id = h.group_id
  WHERE +h.document_id = @documentId AND h.table_name IN ('claims', 'evidence') AND h.action NOT LIKE 'undo %' AND h.action NOT LIKE 'redo %'
  ORDER BY h.seq`;

interface LogRow {
  editor: string;
  table_name: 'claims' | 'evidence';
  record_id: string;
  before_json: string | null;
  after_json: string | null;
}

/** The claim a row changed the checked content of, or null when it changed none (a status move, an evidence note, a deletion of the claim). */
function changedClaim(row: LogRow): string | null {
  const before = parseJson<Row | null>(row.before_json, null);
  const after = parseJson<Row | null>(row.after_json, null);
  if (row.table_name === 'claims') {
    if (after === null) return null;
    return before === null || CONTENT.claims!.some((c) => before[c] !== after[c]) ? row.record_id : null;
  }
  const changed = before === null || after === null || CONTENT.evidence!.some((c) => before[c] !== after[c]);
  return changed ? String((after ?? before)!.claim_id) : null;
}

/** The names of the people who changed the checked content of the given claims of one document, by claim id, earliest first. */
export function contentEditors(db: Db, documentId: string, claimIds: readonly string[]): Map<string, string[]> {
  const editors = new Map<string, string[]>();
  if (claimIds.length === 0) return editors;
  const wanted = new Set(claimIds);
  for (const row of statement(db, ROWS).all({ documentId, claims: JSON.stringify(claimIds) }) as LogRow[]) {
    const claimId = changedClaim(row);
    if (claimId === null || !wanted.has(claimId)) continue;
    const list = editors.get(claimId) ?? [];
    if (!list.includes(row.editor)) list.push(row.editor);
    editors.set(claimId, list);
  }
  return editors;
}
