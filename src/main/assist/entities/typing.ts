/**
 * Gives an untyped proper-noun run a label from transparent cues: what compromise tagged inside it,
 * the head word ("… Party", "… County", "… War"), a title before it ("President …"), a reporting
 * verb after it ("… said"), an acronym's shape. Returns 'other' when nothing speaks for a type.
 */
import { TITLE_WORDS, type Span } from './edges';
import type { TaggedTerm } from './candidate';

const ORGANIZATION_HEADS = new Set(
  ('party council congress union fund bank department ministry assembly parliament company inc corp corporation ltd ' +
    'agency commission organization organisation association university college school court army navy force forces ' +
    'committee board service institute foundation front movement group network times post journal news press ' +
    'administration government senate house league federation club church ministries bureau office authority cabinet ' +
    'embassy guard exchange trust industries resources mining securities capital systems technologies enterprises investments power')
    .split(' ')
);
const LOCATION_HEADS = new Set(
  ('county city state province island islands river sea ocean bay gulf lake mountain mountains valley street avenue ' +
    'square district region peninsula coast desert strait canal park wing airport bridge republic kingdom')
    .split(' ')
);
const EVENT_HEADS = new Set('war revolution crisis olympics games cup summit election elections conference festival uprising'.split(' '));
const WORK_HEADS = new Set('act bill constitution treaty program programme plan agreement accord report law'.split(' '));
/** First words of place names built with "of": "Republic of the Philippines", "Cape of Good Hope". */
const LOCATION_OPENERS = new Set(
  'republic kingdom commonwealth union federation state states cape gulf bay isle isles lake mount port fort city county province island islands sea'.split(' ')
);
/** Acronyms that name no organisation. */
export const NOT_ORGANIZATIONS = new Set('GDP GNP CPI VAT CEO CFO TV AM PM OK ID DNA HIV AIDS COVID AI IT USD EUR GMT UTC EST EDT CST CDT PST PDT PDF'.split(' '));
/** Country abbreviations, which look like organisation acronyms. */
const COUNTRY_CODES = new Set(['US', 'USA', 'UK', 'UAE', 'USSR', 'DRC', 'PRC', 'ROK', 'DPRK']);
export const REPORTING_VERBS = /^\s*(?:,\s*)?(?:said|says|told|tells|stated|claimed|claims|announced|wrote|writes|tweeted|argued|added|insisted|denied|confirmed|explained|noted|warned|urged|testified|who)\b/u;
const AGE_AFTER = /^\s*,\s*\d{1,3}\s*,/u;
const LOCATION_BEFORE = /\b(?:in|at|from|near|across|throughout|outside)\s+$/u;

/** The reason given to runs typed only by their acronym shape; a surname elsewhere in the text overrides it. */
export const ACRONYM = 'acronym';

/** True when `word` ends names of that type: "Sea", "Islands" for places, "Front", "Party" for organisations. */
export function isHeadWord(type: string, word: string): boolean {
  const lower = word.toLowerCase();
  return type === 'location' ? LOCATION_HEADS.has(lower) : type === 'organization' && ORGANIZATION_HEADS.has(lower);
}

export interface TypedRun {
  type: string;
  reason: string;
}

export function typeProperNounRun(text: string, span: Span, tagged: TaggedTerm[]): TypedRun {
  const exact = text.slice(span.start, span.end);
  const words = exact.split(/[\s-]+/);
  const head = words[words.length - 1]!.toLowerCase();
  const first = words[0]!.toLowerCase();

  const votes = { person: 0, location: 0, organization: 0 };
  for (const term of overlapping(tagged, span)) votes[term.kind] += 1;
  const best = (Object.entries(votes) as Array<[keyof typeof votes, number]>).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] > 0) return { type: best[0], reason: `${best[0] === 'location' ? 'place' : best[0]} words (compromise tags)` };

  if (EVENT_HEADS.has(head) || (words.length > 1 && /^(?:world|civil|cold)$/.test(first) && /war/i.test(exact))) {
    return { type: 'event', reason: `event name ("${words[words.length - 1]}")` };
  }
  if (WORK_HEADS.has(head) || (WORK_HEADS.has(first) && words.length > 2)) return { type: 'work', reason: 'law, treaty or programme name' };
  if (words.length > 2 && LOCATION_OPENERS.has(first) && words[1]!.toLowerCase() === 'of') {
    return { type: 'location', reason: `place name ("${words[0]} of …")` };
  }
  if (ORGANIZATION_HEADS.has(head)) return { type: 'organization', reason: `organisation name ("${words[words.length - 1]}")` };
  if (LOCATION_HEADS.has(head) && words.length > 1) return { type: 'location', reason: `place name ("${words[words.length - 1]}")` };

  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const after = text.slice(span.end, span.end + 40);
  const titleBefore = /(\p{L}+\.?)\s+$/u.exec(before)?.[1]?.toLowerCase();
  if (titleBefore && TITLE_WORDS.has(titleBefore)) return { type: 'person', reason: `name after the title "${titleBefore}"` };
  // An acronym that "said" something is an agency or a company ("WAM said"), not a person.
  if (/^\p{Lu}{2,6}$/u.test(exact)) {
    if (COUNTRY_CODES.has(exact)) return { type: 'location', reason: 'country abbreviation' };
    // Roman numerals ("Reserves I, II and III") count; they name nothing.
    if (!NOT_ORGANIZATIONS.has(exact) && !/^[IVXLC]+$/u.test(exact)) return { type: 'organization', reason: ACRONYM };
  }
  if (REPORTING_VERBS.test(after)) {
    // No word of it tagged as a name: three or more capitalised words that report something are a body ("Yacimientos Petroliferos Fiscales said").
    if (words.length >= 3 && words.every((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w))) return { type: 'organization', reason: 'long name before a reporting verb' };
    return { type: 'person', reason: 'name before a reporting verb' };
  }
  if (AGE_AFTER.test(after)) return { type: 'person', reason: 'name followed by an age' };
  // Wire and reference styles that capitalise surnames: "Nicolas MADURO", "Benigno AQUINO III"; not "Expansion of the EFP".
  if (words.length >= 2 && /^\p{Lu}\p{Ll}/u.test(words[0]!) && words.every((w) => /^\p{Lu}/u.test(w)) && words.slice(1).some((w) => /^\p{Lu}{3,}$/u.test(w))) {
    return { type: 'person', reason: 'given name and capitalised surname' };
  }
  if (LOCATION_BEFORE.test(before)) return { type: 'location', reason: 'proper noun after "in", "at" or "from"' };
  return { type: 'other', reason: 'proper noun (wink-nlp)' };
}

function overlapping(tagged: TaggedTerm[], span: Span): TaggedTerm[] {
  // tagged is sorted by start: binary search for the first term that may overlap.
  let lo = 0;
  let hi = tagged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tagged[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const found: TaggedTerm[] = [];
  for (let i = lo; i < tagged.length && tagged[i]!.start < span.end; i += 1) found.push(tagged[i]!);
  return found;
}
