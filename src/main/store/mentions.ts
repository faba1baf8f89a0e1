import type { MentionFields } from '../../shared/api/mention-columns';
import type { Mention } from '../../shared/domain';
import type { Db } from './open';
import { type Row, getRecord } from './rows';
import { statement } from './statements';

export interface MentionRow extends Row {
  id: string;
  document_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  type: string;
  entity_id: string | null;
  origin: string;
  status: string;
  masked: number;
  restoration: string | null;
  author: string;
  created_at: string;
  updated_at: string;
}

export const toMention = (row: MentionRow): Mention => ({
  id: row.id,
  documentId: row.document_id,
  start: row.start,
  end: row.end,
  exact: row.exact,
  prefix: row.prefix,
  suffix: row.suffix,
  type: row.type,
  entityId: row.entity_id,
  origin: row.origin as Mention['origin'],
  status: row.status as Mention['status'],
  masked: row.masked === 1,
  restoration: row.restoration,
  author: row.author,
  createdAt: row.created_at,
  updatedAt: row.updated_at
});

export const mentionRow = (m: Mention): MentionRow => ({
  id: m.id,
  document_id: m.documentId,
  start: m.start,
  end: m.end,
  exact: m.exact,
  prefix: m.prefix,
  suffix: m.suffix,
  type: m.type,
  entity_id: m.entityId,
  origin: m.origin,
  status: m.status,
  masked: m.masked ? 1 : 0,
  restoration: m.restoration,
  author: m.author,
  created_at: m.createdAt,
  updated_at: m.updatedAt
});

export const getMention = (db: Db, id: string): Mention | null => getRecord(db, 'mentions', id, toMention);

export function listMentions(db: Db, documentId: string): Mention[] {
  return (
    statement(db, 'SELECT * FROM mentions WHERE document_id = ? ORDER BY start, "end" DESC').all(
      documentId
    ) as MentionRow[]
  ).map(toMention);
}

/** The columns of a mention but its quote and quote context, which are read as empty text. */
const UNQUOTED_COLUMNS = `id, document_id, start, "end", '' AS exact, '' AS prefix, '' AS suffix, type, entity_id, origin, status,
  masked, restoration, author, created_at, updated_at`;

/**
 * A document's mentions with empty quotes and contexts, in no particular order: what a merge
 * compares (content and span), read without the three strings per mention it has no use for.
 */
export function mentionsWithoutQuotes(db: Db, documentId: string): Mention[] {
  return (statement(db, `SELECT ${UNQUOTED_COLUMNS} FROM mentions WHERE document_id = ?`).all(documentId) as MentionRow[]).map(toMention);
}

/**
 * The distinct (text, label, entity) triples of accepted, unmasked mentions in documents outside
 * the trash, most frequent first, at most `limit` of them.
 */
export function acceptedMentionTexts(db: Db, limit: number): Array<Pick<Mention, 'exact' | 'type' | 'entityId'>> {
  const rows = statement(
    db,
    `SELECT m.exact, m.type, m.entity_id, count(*) AS n FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.status = 'accepted' AND m.masked = 0 AND d.deleted_at IS NULL
     GROUP BY m.exact, m.type, m.entity_id ORDER BY n DESC LIMIT ?`
  ).all(limit) as Array<{ exact: string; type: string; entity_id: string | null }>;
  return rows.map((row) => ({ exact: row.exact, type: row.type, entityId: row.entity_id }));
}

/** Does the document have a mention with exactly this span and label? */
export const hasMentionAt = (db: Db, documentId: string, start: number, end: number, type: string): boolean =>
  !!statement(db, 'SELECT 1 FROM mentions WHERE document_id = ? AND start = ? AND "end" = ? AND type = ?').get(documentId, start, end, type);

/**
 * A document's mentions in text order, column by column (what the document view's wire form is made
 * from), read as rows of values: no object per mention, which for 10,000 mentions is half the time of the read.
 */
export function listMentionColumns(db: Db, documentId: string): MentionFields {
  const rows = statement(
    db,
    `SELECT id, start, "end", exact, prefix, suffix, type, entity_id, origin, status, masked, restoration, author, created_at, updated_at
     FROM mentions WHERE document_id = ? ORDER BY start, "end" DESC`
  )
    .raw(true)
    .all(documentId) as unknown[][];
  const column = <T>(index: number) => rows.map((row) => row[index] as T);
  return {
    documentId,
    id: column(0),
    start: column(1),
    end: column(2),
    exact: column(3),
    prefix: column(4),
    suffix: column(5),
    type: column(6),
    entityId: column(7),
    origin: column(8),
    status: column(9),
    masked: column(10),
    restoration: column(11),
    author: column(12),
    createdAt: column(13),
    updatedAt: column(14)
  };
}

/** The masked mentions of a document that carry a restoration and are not rejected: what a claim's quote shows restored. */
export function listRestoredGaps(db: Db, documentId: string): Mention[] {
  return (
    statement(
      db,
      `SELECT * FROM mentions WHERE document_id = ? AND masked = 1 AND restoration IS NOT NULL AND status != 'rejected'
       ORDER BY start, "end" DESC`
    ).all(documentId) as MentionRow[]
  ).map(toMention);
}
