/** Library-wide views of entities: mention and claim counts, an entity's mentions and claims across documents. */
import type { EntityPage, EntityStats } from '../../shared/api/methods/assist';
import { type ClaimRow, toClaim } from './claims';
import { type EntityRow, toEntity } from './entities';
import { type MentionRow, toMention } from './mentions';
import type { Db } from './open';
import { statement } from './statements';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const STATS = `
  (SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id = e.id AND m.status = 'accepted' AND d.deleted_at IS NULL) AS mention_count,
  (SELECT count(DISTINCT m.document_id) FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id = e.id AND m.status = 'accepted' AND d.deleted_at IS NULL) AS document_count,
  (SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id
     WHERE c.claimant_id = e.id AND d.deleted_at IS NULL) AS claim_count`;

const FILTER = `
  WHERE (@query = '' OR e.name LIKE @contains ESCAPE '\\' OR e.aliases_json LIKE @contains ESCAPE '\\')
    AND (@type IS NULL OR e.type = @type)`;

type StatsRow = EntityRow & { mention_count: number; document_count: number; claim_count: number };

export interface RegistryQuery {
  query: string;
  type: string | null;
  limit: number;
  offset: number;
}

/** Entities matching the query (name or alias contains it), most mentioned first. */
export function entityRegistry(db: Db, q: RegistryQuery): { total: number; entities: EntityStats[] } {
  const params = { query: q.query, contains: `%${escapeLike(q.query)}%`, type: q.type, limit: q.limit, offset: q.offset };
  const { total } = statement(db, `SELECT count(*) AS total FROM entities e ${FILTER}`).get(params) as { total: number };
  const rows = statement(
    db,
    `SELECT e.*, ${STATS} FROM entities e ${FILTER}
     ORDER BY mention_count DESC, claim_count DESC, e.name COLLATE NOCASE LIMIT @limit OFFSET @offset`
  ).all(params) as StatsRow[];
  return {
    total,
    entities: rows.map((row) => ({
      entity: toEntity(row),
      mentionCount: row.mention_count,
      documentCount: row.document_count,
      claimCount: row.claim_count
    }))
  };
}

/** The entity's mentions (accepted, masked ones included) and claims across the documents of the library. */
export function entityUsage(db: Db, entityId: string): Omit<EntityPage, 'entity'> {
  const mentions = statement(
    db,
    `SELECT m.*, d.title AS document_title FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id = ? AND m.status = 'accepted' AND d.deleted_at IS NULL
     ORDER BY d.imported_at, d.rowid, m.start`
  ).all(entityId) as Array<MentionRow & { document_title: string }>;
  const claims = statement(
    db,
    `SELECT c.*, d.title AS document_title FROM claims c JOIN documents d ON d.id = c.document_id
     WHERE c.claimant_id = ? AND d.deleted_at IS NULL ORDER BY d.imported_at, d.rowid, c.start`
  ).all(entityId) as Array<ClaimRow & { document_title: string }>;
  const documents = new Map<string, { documentId: string; title: string; mentionCount: number }>();
  for (const row of mentions) {
    const entry = documents.get(row.document_id) ?? { documentId: row.document_id, title: row.document_title, mentionCount: 0 };
    entry.mentionCount += 1;
    documents.set(row.document_id, entry);
  }
  return {
    mentions: mentions.map((row) => ({ mention: toMention(row), documentTitle: row.document_title })),
    claims: claims.map((row) => ({ claim: toClaim(row), documentTitle: row.document_title })),
    documents: [...documents.values()]
  };
}

/** Ids of the mentions and claims that link to an entity (for merging). */
export function linksOf(db: Db, entityId: string): { mentionIds: string[]; claimIds: string[] } {
  const mentionIds = (statement(db, 'SELECT id FROM mentions WHERE entity_id = ?').all(entityId) as Array<{ id: string }>).map((r) => r.id);
  const claimIds = (statement(db, 'SELECT id FROM claims WHERE claimant_id = ?').all(entityId) as Array<{ id: string }>).map((r) => r.id);
  return { mentionIds, claimIds };
}
