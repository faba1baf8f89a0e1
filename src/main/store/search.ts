/**
 * Library search with SQLite FTS5: documents (0001), claims, evidence and entities (0009).
 * The user's words become a safe FTS query (every word must occur; "quoted phrases" stay
 * together; the last word also matches as a prefix), so no query syntax can cause an error.
 */
import type { SearchHit, SearchResults, SnippetPart } from '../../shared/api/methods/assist';
import type { SearchKind } from '../../shared/api/search-kinds';
import type { ArticleDocument, ClaimStatus } from '../../shared/domain';
import { type DocumentRow, toDocument } from './documents';
import type { Db } from './open';
import { statement } from './statements';

export interface SearchQuery {
  query: string;
  kinds: SearchKind[];
  claimStatus: ClaimStatus[] | null;
  verdict: string[] | null;
  entityId: string | null;
  entityType: string | null;
  documentId: string | null;
  limit: number;
  offset: number;
}

/** Private-use characters mark matches inside snippets; article text does not contain them in practice. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SNIPPET_TOKENS = 16;

/** The FTS5 query for what the user typed, or null when it has no searchable word. */
export function ftsQuery(input: string): string | null {
  const parts: string[] = [];
  const tokens = input.match(/"[^"]*"?|[^\s"]+/g) ?? [];
  tokens.forEach((token, i) => {
    const words = token.match(/[\p{L}\p{N}\p{M}]+/gu);
    if (!words) return;
    const phrase = `"${words.join(' ')}"`;
    const isLast = i === tokens.length - 1 && !token.startsWith('"');
    parts.push(isLast ? `${phrase}*` : phrase);
  });
  return parts.length ? parts.join(' AND ') : null;
}

interface KindSql {
  /** FROM … WHERE … with @match bound; filters appended per query. */
  from: string;
  select: string;
  filters(q: SearchQuery): string[];
}

const inList = (column: string, name: string, count: number) =>
  `${column} IN (${Array.from({ length: count }, (_, i) => `@${name}${i}`).join(', ')})`;

/** Filters on a claim aliased `c` (claims, and evidence through its claim). */
function claimFilters(q: SearchQuery): string[] {
  const where: string[] = [];
  if (q.claimStatus) where.push(inList('c.status', 'status', q.claimStatus.length));
  if (q.verdict) where.push(inList('c.verdict_label', 'verdict', q.verdict.length));
  const inSpan = 'm.document_id = c.document_id AND m.start >= c.start AND m."end" <= c."end" AND m.status = \'accepted\'';
  if (q.entityId) {
    where.push(`(c.claimant_id = @entityId OR EXISTS (SELECT 1 FROM mentions m WHERE ${inSpan} AND m.entity_id = @entityId))`);
  }
  if (q.entityType) {
    where.push(
      `(EXISTS (SELECT 1 FROM entities e WHERE e.id = c.claimant_id AND e.type = @entityType)
        OR EXISTS (SELECT 1 FROM mentions m WHERE ${inSpan} AND m.type = @entityType))`
    );
  }
  if (q.documentId) where.push('c.document_id = @documentId');
  return where;
}

const snippetColumns = (table: string, count: number) =>
  Array.from({ length: count }, (_, i) => `snippet(${table}, ${i}, @open, @close, '…', ${SNIPPET_TOKENS}) AS s${i}`).join(', ');

const KINDS: Record<SearchKind, KindSql & { fields: string[] }> = {
  document: {
    fields: ['title', 'text'],
    select: `d.id AS id, d.id AS document_id, d.title AS document_title, NULL AS status, NULL AS verdict, NULL AS entity_type,
      bm25(documents_fts) AS rank, ${snippetColumns('documents_fts', 2)}`,
    from: `documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH @match AND d.deleted_at IS NULL`,
    filters(q) {
      const where: string[] = [];
      const claim = ['c.document_id = d.id'];
      if (q.claimStatus) claim.push(inList('c.status', 'status', q.claimStatus.length));
      if (q.verdict) claim.push(inList('c.verdict_label', 'verdict', q.verdict.length));
      if (claim.length > 1) where.push(`EXISTS (SELECT 1 FROM claims c WHERE ${claim.join(' AND ')})`);
      if (q.entityId) where.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.entity_id = @entityId AND m.status = 'accepted')`);
      if (q.entityType) where.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.type = @entityType AND m.status = 'accepted')`);
      if (q.documentId) where.push('d.id = @documentId');
      return where;
    }
  },
  claim: {
    fields: ['text', 'exact', 'explanation'],
    select: `c.id AS id, c.document_id AS document_id, d.title AS document_title, c.status AS status, c.verdict_label AS verdict,
      NULL AS entity_type, bm25(claims_fts) AS rank, ${snippetColumns('claims_fts', 3)}`,
    from: `claims_fts JOIN claims c ON c.rowid = claims_fts.rowid JOIN documents d ON d.id = c.document_id
      WHERE claims_fts MATCH @match AND d.deleted_at IS NULL`,
    filters: claimFilters
  },
  evidence: {
    fields: ['title', 'excerpt', 'note', 'publisher'],
    select: `v.id AS id, c.document_id AS document_id, d.title AS document_title, c.status AS status, c.verdict_label AS verdict,
      NULL AS entity_type, bm25(evidence_fts) AS rank, ${snippetColumns('evidence_fts', 4)}`,
    from: `evidence_fts JOIN evidence v ON v.rowid = evidence_fts.rowid JOIN claims c ON c.id = v.claim_id
      JOIN documents d ON d.id = c.document_id WHERE evidence_fts MATCH @match AND d.deleted_at IS NULL`,
    filters: claimFilters
  },
  entity: {
    fields: ['name', 'aliases', 'description'],
    select: `n.id AS id, NULL AS document_id, NULL AS document_title, NULL AS status, NULL AS verdict, n.type AS entity_type,
      bm25(entities_fts) AS rank, ${snippetColumns('entities_fts', 3)}`,
    from: `entities_fts JOIN entities n ON n.rowid = entities_fts.rowid WHERE entities_fts MATCH @match`,
    filters(q) {
      const where: string[] = [];
      if (q.entityId) where.push('n.id = @entityId');
      if (q.entityType) where.push('n.type = @entityType');
      if (q.documentId) where.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = @documentId AND m.entity_id = n.id)`);
      const claim = ['c.claimant_id = n.id'];
      if (q.claimStatus) claim.push(inList('c.status', 'status', q.claimStatus.length));
      if (q.verdict) claim.push(inList('c.verdict_label', 'verdict', q.verdict.length));
      if (claim.length > 1) where.push(`EXISTS (SELECT 1 FROM claims c WHERE ${claim.join(' AND ')})`);
      return where;
    }
  }
};

interface HitRow {
  id: string;
  document_id: string | null;
  document_title: string | null;
  status: string | null;
  verdict: string | null;
  entity_type: string | null;
  rank: number;
  [snippet: `s${number}`]: string | null;
}

export function searchLibrary(db: Db, q: SearchQuery): SearchResults {
  const counts: Record<SearchKind, number> = { document: 0, claim: 0, evidence: 0, entity: 0 };
  const match = ftsQuery(q.query);
  if (!match) return { query: q.query, counts, total: 0, hits: [] };
  const params: Record<string, string | number> = { match, open: OPEN, close: CLOSE, take: q.offset + q.limit };
  q.claimStatus?.forEach((s, i) => (params[`status${i}`] = s));
  q.verdict?.forEach((v, i) => (params[`verdict${i}`] = v));
  if (q.entityId) params.entityId = q.entityId;
  if (q.entityType) params.entityType = q.entityType;
  if (q.documentId) params.documentId = q.documentId;

  const hits: SearchHit[] = [];
  for (const kind of q.kinds) {
    const sql = KINDS[kind];
    const where = sql.filters(q).map((f) => ` AND ${f}`).join('');
    const used = (text: string) => Object.fromEntries(Object.entries(params).filter(([name]) => text.includes(`@${name}`)));
    const countSql = `SELECT count(*) AS n FROM ${sql.from}${where}`;
    counts[kind] = (statement(db, countSql).get(used(countSql)) as { n: number }).n;
    if (counts[kind] === 0) continue;
    const rowsSql = `SELECT ${sql.select} FROM ${sql.from}${where} ORDER BY rank LIMIT @take`;
    for (const row of statement(db, rowsSql).all(used(rowsSql)) as HitRow[]) {
      const column = sql.fields.findIndex((_, i) => row[`s${i}`]?.includes(OPEN));
      const index = column < 0 ? 0 : column;
      hits.push({
        kind,
        id: row.id,
        documentId: row.document_id,
        documentTitle: row.document_title,
        field: sql.fields[index]!,
        snippet: snippetParts(row[`s${index}`] ?? ''),
        rank: row.rank,
        ...(row.status !== null && { claimStatus: row.status as ClaimStatus, verdict: row.verdict }),
        ...(row.entity_type !== null && { entityType: row.entity_type })
      });
    }
  }
  hits.sort((a, b) => a.rank - b.rank);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { query: q.query, counts, total, hits: hits.slice(q.offset, q.offset + q.limit) };
}

function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of snippet.split(OPEN)) {
    const close = piece.indexOf(CLOSE);
    if (close < 0) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    parts.push({ text: piece.slice(0, close), match: true });
    if (close + 1 < piece.length) parts.push({ text: piece.slice(close + 1), match: false });
  }
  return parts;
}

/** Documents outside the trash whose text has every word of a full-text query (see ftsQuery), oldest import first. */
export function documentsMatching(db: Db, match: string): ArticleDocument[] {
  const rows = statement(
    db,
    `SELECT d.* FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
     WHERE documents_fts MATCH ? AND d.deleted_at IS NULL ORDER BY d.imported_at, d.rowid`
  ).all(match) as DocumentRow[];
  return rows.map(toDocument);
}
