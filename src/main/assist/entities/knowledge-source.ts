/** What the library already knows: whole-word, case-sensitive matches of confirmed names and aliases. */
import { wholeWordPattern } from '../text/words';
import type { EntityCandidate, KnowledgeTerm } from './candidate';

/** Names shorter than this are too ambiguous to match everywhere ("A", "US" is fine at 2). */
const MIN_LENGTH = 2;

export function knowledgeEntities(text: string, terms: KnowledgeTerm[]): EntityCandidate[] {
  const byText = new Map<string, KnowledgeTerm>();
  for (const term of terms) {
    const name = term.text.trim();
    if (name.length < MIN_LENGTH || !/[\p{L}\p{N}]/u.test(name)) continue;
    const known = byText.get(name);
    // A name linked to an entity beats the same text marked without one.
    if (!known || (!known.entityId && term.entityId)) byText.set(name, { ...term, text: name });
  }
  if (byText.size === 0) return [];
  const pattern = new RegExp(wholeWordPattern([...byText.keys()]), 'gu');
  const found: EntityCandidate[] = [];
  for (const match of text.matchAll(pattern)) {
    const term = byText.get(match[0])!;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      type: term.type,
      source: 'library',
      confidence: 0.9,
      entityId: term.entityId,
      reason: term.entityName && term.entityName !== term.text
        ? `known in the library as ${term.entityName}`
        : 'known in the library'
    });
  }
  return found;
}
