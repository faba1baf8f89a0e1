/** What the library already knows, as names to look for in a text: entities with their aliases, and accepted mentions. */
import { entityNames } from '../store/entities';
import { acceptedMentionTexts } from '../store/mentions';
import type { Db } from '../store/open';
import type { KnowledgeTerm } from './entities/candidate';

/** Mentions of more distinct texts than this are not all searched for (the most frequent are). */
const MAX_MENTION_TERMS = 20_000;

export function libraryKnowledge(db: Db): KnowledgeTerm[] {
  const terms: KnowledgeTerm[] = [];
  const names = new Map<string, string>();
  for (const entity of entityNames(db)) {
    names.set(entity.id, entity.name);
    for (const text of [entity.name, ...entity.aliases]) {
      terms.push({ text, type: entity.type, entityId: entity.id, entityName: entity.name });
    }
  }
  // Masked mentions cover blanks, not names; a restoration is a name but not text to find.
  for (const mention of acceptedMentionTexts(db, MAX_MENTION_TERMS)) {
    const entityName = mention.entityId ? (names.get(mention.entityId) ?? null) : null;
    terms.push({ text: mention.exact, type: mention.type, entityId: mention.entityId, entityName });
  }
  return terms;
}
