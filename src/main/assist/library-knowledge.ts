/** What the library already knows, as names to look for in a text: entities with their aliases, and accepted mentions. */
import type { Db } from '../store/open';
import { parseJson } from '../store/rows';
import { statement } from '../store/statements';
import type { KnowledgeTerm } from './entities/candidate';

/** Mentions of more distinct texts than this are not all searched for (the most frequent are). */
const MAX_MENTION_TERMS = 20_000;

export function libraryKnowledge(db: Db): KnowledgeTerm[] {
  const terms: KnowledgeTerm[] = [];
  const entities = statement(db, 'SELECT id, name, type, aliases_json FROM entities').all() as Array<{
    id: string;
    name: string;
    type: string;
    aliases_json: string;
  }>;
  const names = new Map<string, string>();
  for (const entity of entities) {
    names.set(entity.id, entity.name);
    for (const text of [entity.name, ...parseJson<string[]>(entity.aliases_json, [])]) {
      terms.push({ text, type: entity.type, entityId: entity.id, entityName: entity.name });
    }
  }
  // Masked mentions cover blanks, not names; a restoration is a name but not text to find.
  const mentions = statement(
    db,
    `SELECT m.exact, m.type, m.entity_id, count(*) AS n FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.status = 'accepted' AND m.masked = 0 AND d.deleted_at IS NULL
     GROUP BY m.exact, m.type, m.entity_id ORDER BY n DESC LIMIT ${MAX_MENTION_TERMS}`
  ).all() as Array<{ exact: string; type: string; entity_id: string | null }>;
  for (const mention of mentions) {
    const entityName = mention.entity_id ? (names.get(mention.entity_id) ?? null) : null;
    terms.push({ text: mention.exact, type: mention.type, entityId: mention.entity_id, entityName });
  }
  return terms;
}
