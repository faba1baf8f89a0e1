/** What each suggestion source proposes, before spans are cleaned, merged and filtered. */
import { wordsOf } from '../text/words';

/** Where a suggestion comes from; the UI shows it as the reason. */
export type CandidateSource = 'library' | 'pattern' | 'compromise' | 'wink' | 'proper-noun';

export interface EntityCandidate {
  start: number;
  end: number;
  /** A label key: person, organization, location, date, number, event, work or other. */
  type: string;
  source: CandidateSource;
  /** 0..1: how much the source trusts it (library knowledge highest, untyped proper nouns lowest). */
  confidence: number;
  /** The known entity the text names (library knowledge only). */
  entityId: string | null;
  /** A short human-readable explanation, e.g. 'person name (compromise)'. */
  reason: string;
}

/** A name the library already knows: an entity's name or alias, or the text of an accepted mention. */
export interface KnowledgeTerm {
  text: string;
  type: string;
  entityId: string | null;
  /** The entity's canonical name when the term is an alias or a linked mention's text. */
  entityName: string | null;
}

/** Person, organisation and place spans as the compromise tagger sees them, for typing proper-noun runs. */
export interface TaggedTerm {
  start: number;
  end: number;
  kind: 'person' | 'location' | 'organization';
}

/** The last word of each person candidate named by two words or more ("Kushner" for "Jared Kushner"). */
export function personSurnames(text: string, candidates: readonly EntityCandidate[]): Set<string> {
  const surnames = new Set<string>();
  for (const c of candidates) {
    const words = c.type === 'person' ? wordsOf(text.slice(c.start, c.end)) : [];
    if (words.length > 1) surnames.add(words.at(-1)!);
  }
  return surnames;
}
