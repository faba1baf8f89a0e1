import type { Entity } from '../../shared/domain';
import type { Db } from './open';
import { type Row, parseJson, getRecord } from './rows';
import { statement } from './statements';

export interface EntityRow extends Row {
  id: string;
  name: string;
  type: string;
  aliases_json: string;
  description: string;
  external_ids_json: string;
  created_at: string;
  updated_at: string;
}

export const toEntity = (row: EntityRow): Entity => ({
  id: row.id,
  name: row.name,
  type: row.type,
  aliases: parseJson<string[]>(row.aliases_json, []),
  description: row.description,
  externalIds: parseJson<Record<string, string>>(row.external_ids_json, {}),
  createdAt: row.created_at,
  updatedAt: row.updated_at
});

export function entityRow(entity: Entity): EntityRow {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    aliases_json: JSON.stringify(entity.aliases),
    description: entity.description,
    external_ids_json: JSON.stringify(entity.externalIds),
    created_at: entity.createdAt,
    updated_at: entity.updatedAt
  };
}

export const getEntity = (db: Db, id: string): Entity | null => getRecord(db, 'entities', id, toEntity);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Entities whose name or an alias contains the query (case-insensitive), names starting with it first. */
export function listEntities(db: Db, query = '', limit = 200): Entity[] {
  const rows = statement(
    db,
    `SELECT * FROM entities
     WHERE name LIKE @contains ESCAPE '\\' OR aliases_json LIKE @contains ESCAPE '\\'
     ORDER BY (name LIKE @prefix ESCAPE '\\') DESC, name COLLATE NOCASE
     LIMIT @limit`
  ).all({ contains: `%${escapeLike(query)}%`, prefix: `${escapeLike(query)}%`, limit }) as EntityRow[];
  return rows.map(toEntity);
}

/** The entities a document's mentions or claims link to. */
export function entitiesOfDocument(db: Db, documentId: string): Entity[] {
  const rows = statement(
    db,
    `SELECT * FROM entities WHERE id IN (
       SELECT entity_id FROM mentions WHERE document_id = @documentId AND entity_id IS NOT NULL
       UNION SELECT claimant_id FROM claims WHERE document_id = @documentId AND claimant_id IS NOT NULL)
     ORDER BY name COLLATE NOCASE`
  ).all({ documentId }) as EntityRow[];
  return rows.map(toEntity);
}

/** How many documents other than `documentId` link to the entity, by a mention or as a claimant. */
export function otherDocumentsUsing(db: Db, entityId: string, documentId: string): number {
  const row = statement(
    db,
    `SELECT count(DISTINCT document_id) AS n FROM (
       SELECT document_id FROM mentions WHERE entity_id = @entityId
       UNION ALL SELECT document_id FROM claims WHERE claimant_id = @entityId)
     WHERE document_id <> @documentId`
  ).get({ entityId, documentId }) as { n: number };
  return row.n;
}

/** The oldest entity of this type named so (case-insensitive), or null. */
export function findEntityByName(db: Db, name: string, type: string): string | null {
  const row = statement(db, 'SELECT id FROM entities WHERE name = ? COLLATE NOCASE AND type = ? ORDER BY created_at LIMIT 1').get(name, type) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}

/** An entity that carries this external id (e.g. a knowledge base's key and its id there), or null. */
export function findEntityByExternalId(db: Db, key: string, value: string): string | null {
  const row = statement(db, 'SELECT e.id FROM entities e, json_each(e.external_ids_json) j WHERE j.key = ? AND j.value = ? LIMIT 1').get(
    key,
    value
  ) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Every entity's id, name, type and aliases: the names a text may be searched for. */
export function entityNames(db: Db): Array<Pick<Entity, 'id' | 'name' | 'type' | 'aliases'>> {
  const rows = statement(db, 'SELECT id, name, type, aliases_json FROM entities').all() as Array<Pick<EntityRow, 'id' | 'name' | 'type' | 'aliases_json'>>;
  return rows.map((row) => ({ id: row.id, name: row.name, type: row.type, aliases: parseJson<string[]>(row.aliases_json, []) }));
}
