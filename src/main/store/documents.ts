import type { ArticleDocument, Block, DocumentSource, DocumentSummary, ImportedArticle } from '../../shared/domain';
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { parseJson } from './rows';
import { statement } from './statements';

export interface DocumentRow {
  id: string;
  title: string;
  format: string;
  source_json: string;
  text: string;
  sha256: string;
  blocks_json: string;
  imported_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export function toDocument(row: DocumentRow): ArticleDocument {
  return {
    id: row.id,
    title: row.title,
    format: row.format as ArticleDocument['format'],
    source: parseJson<DocumentSource>(row.source_json, { fileName: '' }),
    text: row.text,
    sha256: row.sha256,
    blocks: parseJson<Block[]>(row.blocks_json, []),
    importedAt: row.imported_at,
    updatedAt: row.updated_at
  };
}

/** How many texts each connection keeps: the documents open in a few windows or tabs. */
const KEPT_TEXTS = 4;
const keptTexts = new WeakMap<Db, Map<string, { sha256: string; text: string }>>();

/**
 * The stored text of a document whose row holds this SHA-256. A text never changes once stored,
 * and reading a long one (100,000 words) out of the database takes milliseconds, on every mention
 * marked in it: the last few read are kept, and one is used again only while its row's hash
 * (read by the caller, with the rest of the row) is still the hash it was kept under.
 */
function storedText(db: Db, id: string, sha256: string): string {
  let kept = keptTexts.get(db);
  if (!kept) keptTexts.set(db, (kept = new Map()));
  const entry = kept.get(id);
  kept.delete(id);
  if (entry?.sha256 === sha256) {
    kept.set(id, entry);
    return entry.text;
  }
  const text = statement(db, 'SELECT text FROM documents WHERE id = ?').pluck().get(id) as string;
  kept.set(id, { sha256, text });
  if (kept.size > KEPT_TEXTS) kept.delete(kept.keys().next().value!);
  return text;
}

/** A document that is not in the trash. */
export function getDocument(db: Db, id: string): ArticleDocument | null {
  const row = statement(
    db,
    'SELECT id, title, format, source_json, sha256, blocks_json, imported_at, updated_at, deleted_at FROM documents WHERE id = ? AND deleted_at IS NULL'
  ).get(id) as Omit<DocumentRow, 'text'> | undefined;
  return row ? toDocument({ ...row, text: storedText(db, id, row.sha256) }) : null;
}

/** Is there a document with this id that is not in the trash? */
export const documentExists = (db: Db, id: string): boolean =>
  !!statement(db, 'SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL').get(id);

/** The text of a document that is not in the trash, without the rest of its record; null when there is none. */
export function liveDocumentText(db: Db, id: string): string | null {
  const sha256 = statement(db, 'SELECT sha256 FROM documents WHERE id = ? AND deleted_at IS NULL').pluck().get(id) as string | undefined;
  return sha256 === undefined ? null : storedText(db, id, sha256);
}

/** True when the library has the document and it is not in the trash. */
export function isLiveDocument(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL').pluck().get(id) !== undefined;
}

/** A document's text and whether it is in the trash; null when the library has no document with this id. */
export function documentTextAnyState(db: Db, id: string): { text: string; trashed: boolean } | null {
  const row = statement(db, 'SELECT text, deleted_at FROM documents WHERE id = ?').get(id) as
    | { text: string; deleted_at: string | null }
    | undefined;
  return row ? { text: row.text, trashed: row.deleted_at !== null } : null;
}

export function findDocumentByHash(db: Db, sha256: string): { id: string; trashed: boolean } | null {
  const row = statement(db, 'SELECT id, deleted_at FROM documents WHERE sha256 = ?').get(sha256) as
    | { id: string; deleted_at: string | null }
    | undefined;
  return row ? { id: row.id, trashed: row.deleted_at !== null } : null;
}

const SUMMARY_SQL = `
  SELECT d.id, d.title, d.format, d.source_json, d.imported_at, d.deleted_at,
    (SELECT count(*) FROM mentions m WHERE m.document_id = d.id AND m.status != 'rejected') AS mention_count,
    (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claim_count,
    (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.status = 'in review') AS in_review_count,
    (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.status = 'changes requested') AS changes_requested_count,
    (SELECT count(*) FROM exchange_conflicts x WHERE x.document_id = d.id) AS conflict_count
  FROM documents d`;

interface SummaryRow {
  id: string;
  title: string;
  format: string;
  source_json: string;
  imported_at: string;
  deleted_at: string | null;
  mention_count: number;
  claim_count: number;
  in_review_count: number;
  changes_requested_count: number;
  conflict_count: number;
}

/** A summary as stored; how many claims are verified is derived (see workflow/document-summaries). */
export type StoredSummary = Omit<DocumentSummary, 'verifiedCount'>;

const toSummary = (row: SummaryRow): StoredSummary => ({
  id: row.id,
  title: row.title,
  format: row.format as DocumentSummary['format'],
  fileName: parseJson<DocumentSource>(row.source_json, { fileName: '' }).fileName,
  importedAt: row.imported_at,
  mentionCount: row.mention_count,
  claimCount: row.claim_count,
  inReviewCount: row.in_review_count,
  changesRequestedCount: row.changes_requested_count,
  conflictCount: row.conflict_count,
  deletedAt: row.deleted_at
});

/** The library (trash: false) or the trash (trash: true), newest first. */
export function listDocuments(db: Db, trash = false): StoredSummary[] {
  const where = trash ? 'd.deleted_at IS NOT NULL' : 'd.deleted_at IS NULL';
  return (statement(db, `${SUMMARY_SQL} WHERE ${where} ORDER BY d.imported_at DESC, d.rowid DESC`).all() as SummaryRow[]).map(
    toSummary
  );
}

export function getDocumentSummary(db: Db, id: string): StoredSummary | null {
  const row = statement(db, `${SUMMARY_SQL} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/** Stores an imported article. Documents are logged, not undone: the text is too large to snapshot. */
export function insertDocument(group: ChangeGroup, id: string, article: ImportedArticle, sha256: string): void {
  statement(
    group.db,
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    article.title,
    article.format,
    JSON.stringify(article.source),
    article.text,
    sha256,
    JSON.stringify(article.blocks),
    group.at,
    group.at
  );
  group.note('documents', id, null, { id, title: article.title, sha256, source: article.source });
}

export type DocumentDetails = Partial<Pick<ArticleDocument, 'title'> & Pick<DocumentSource, 'url' | 'publisher' | 'author' | 'publishedAt'>>;

/** Sets the title and source details given (an empty detail is removed); false when nothing changed. */
export function updateDocumentDetails(group: ChangeGroup, id: string, details: DocumentDetails): boolean {
  const row = statement(group.db, 'SELECT title, source_json FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { title: string; source_json: string }
    | undefined;
  if (!row) return false;
  const before = { title: row.title, source: parseJson<DocumentSource>(row.source_json, { fileName: '' }) };
  const { title = before.title, ...sourceDetails } = details;
  const source: DocumentSource = { ...before.source };
  for (const [key, value] of Object.entries(sourceDetails) as [keyof typeof sourceDetails, string | undefined][]) {
    if (value === undefined) continue;
    if (value) source[key] = value;
    else delete source[key];
  }
  const after = { title, source };
  if (JSON.stringify(after) === JSON.stringify(before)) return false;
  statement(group.db, 'UPDATE documents SET title = ?, source_json = ?, updated_at = ? WHERE id = ?').run(
    title,
    JSON.stringify(source),
    group.at,
    id
  );
  group.note('documents', id, before, after);
  return true;
}

function headerOf(group: ChangeGroup, id: string) {
  return statement(group.db, 'SELECT id, title, sha256, deleted_at FROM documents WHERE id = ?').get(id) as
    | { id: string; title: string; sha256: string; deleted_at: string | null }
    | undefined;
}

/** Moves a document to the trash (or back out of it); its annotations stay untouched. */
export function setTrashed(group: ChangeGroup, id: string, trashed: boolean): boolean {
  const before = headerOf(group, id);
  if (!before || (before.deleted_at !== null) === trashed) return false;
  const deletedAt = trashed ? group.at : null;
  statement(group.db, 'UPDATE documents SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  group.note('documents', id, before, { ...before, deleted_at: deletedAt });
  return true;
}

/** Deletes a trashed document for good, with everything annotated on it (mentions, claims, … cascade). */
export function purgeDocument(group: ChangeGroup, id: string): void {
  const before = headerOf(group, id);
  if (!before?.deleted_at) return;
  statement(group.db, 'DELETE FROM documents WHERE id = ?').run(id);
  group.note('documents', id, before, null);
}
