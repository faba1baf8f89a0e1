/**
 * What kind of name a masked gap expects, read from the words around it: a title before it
 * ("President ␣ and his staff") expects a person, "to the ␣ to make" a place or organisation,
 * an age after it (", 63,") a person, and so on. Each cue adds weight to types; the weights are
 * scaled so the strongest type has 1.
 */
import { TITLE_WORDS } from '../entities/edges';

export type NameType = 'person' | 'organization' | 'location';

export interface GapExpectation {
  weights: Record<NameType, number>;
  /** The gender a pronoun right after the gap implies ("President ␣ and his staff"), if any. */
  gender: Gender | null;
  cues: string[];
}

export type Gender = 'male' | 'female';

/** The gender of a third-person pronoun, or null. */
export function pronounGender(word: string): Gender | null {
  const lower = word.toLowerCase();
  if (lower === 'he' || lower === 'his' || lower === 'him' || lower === 'himself') return 'male';
  if (lower === 'she' || lower === 'her' || lower === 'hers' || lower === 'herself') return 'female';
  return null;
}

/** Role nouns that precede a person's name in news copy, beyond the titles: "Reality TV star ␣". */
const ROLES = new Set(
  ('star actor actress rapper singer socialite boxer lawyer attorney spokesman spokeswoman husband wife son daughter ' +
    'brother sister mother father ceo chairman founder leader candidate rival adviser advisor aide director coach ' +
    'player author writer reporter journalist businessman businesswoman billionaire official minister senator')
    .split(' ')
);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'outside', 'inside', 'across', 'toward', 'towards']);
/** Verbs after a gap that people (and, less often, organisations) do; "was", "has" and the like say nothing. */
const PERSON_VERBS = /^\s*(?:said|says|told|tells|paid|visited|met|wrote|writes|announced|arrived|added|urged|who|and (?:his|her))\b/iu;

export function gapExpectation(text: string, gap: { start: number; end: number }): GapExpectation {
  // Hard-wrapped copy runs a sentence over single line breaks; a blank line ends the context.
  const before = text.slice(Math.max(0, gap.start - 60), gap.start).split(/\n\s*\n/u).at(-1)!.replace(/\s*\n\s*/gu, ' ');
  const after = text.slice(gap.end, gap.end + 60).split(/\n\s*\n/u)[0]!.replace(/\s*\n\s*/gu, ' ');
  const weights: Record<NameType, number> = { person: 0.5, organization: 0.5, location: 0.5 };
  const cues: string[] = [];
  const add = (cue: string, delta: Partial<Record<NameType, number>>) => {
    cues.push(cue);
    for (const [type, w] of Object.entries(delta) as Array<[NameType, number]>) weights[type] += w;
  };

  const words = before.match(/[\p{L}.'’-]+/gu) ?? [];
  const last = words.at(-1)?.toLowerCase() ?? '';
  const previous = words.at(-2)?.toLowerCase() ?? '';
  if (TITLE_WORDS.has(last) && last !== 'former' && last !== 'late') add(`title or role "${words.at(-1)}" before the gap`, { person: 3 });
  else if (ROLES.has(last)) add(`role "${words.at(-1)}" before the gap`, { person: 2.5 });
  else if (last === 'the') {
    add('"the" before the gap: a place or organisation', { organization: 1.5, location: 1.5 });
    if (PLACE_PREPOSITIONS.has(previous)) add(`"${previous} the" before the gap`, { location: 0.5, organization: 0.5 });
  } else if (PLACE_PREPOSITIONS.has(last)) add(`"${words.at(-1)}" before the gap: a place`, { location: 2, organization: 0.5 });

  if (/<\s*$/u.test(before) && /^\s*>/u.test(after)) add('angle brackets around the gap: a company, as the wire marks them', { organization: 4 });
  if (/^\s*['’]s\b/u.test(after)) add('possessive after the gap', { person: 1, organization: 1, location: 0.5 });
  if (/^\s*,\s*\d{1,3}\s*,/u.test(after)) add('an age after the gap', { person: 3 });
  else if (/^\s*,\s*(?:a|an|the)\s+\p{L}/u.test(after)) add('a description after the gap (", a …")', { person: 1.5, organization: 0.5 });
  if (PERSON_VERBS.test(after)) add(`"${PERSON_VERBS.exec(after)![0].trim()}" after the gap`, { person: 1.5, organization: 0.5 });

  const pronoun = /^\s*(?:,\s*)?(?:and\s+|who\s+\p{L}+\s+)?(he|his|him|she|her)\b/iu.exec(after);
  const gender = pronoun ? pronounGender(pronoun[1]!) : null;
  if (gender) add(`"${pronoun![1]}" after the gap: a ${gender === 'male' ? 'man' : 'woman'}`, { person: 1 });

  const top = Math.max(...Object.values(weights));
  for (const type of Object.keys(weights) as NameType[]) weights[type] = Math.round((weights[type] / top) * 100) / 100;
  return { weights, gender, cues };
}
