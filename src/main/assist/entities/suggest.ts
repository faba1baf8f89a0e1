/**
 * Entity suggestions for one text: the library's knowledge, compromise and wink-nlp combined.
 * Overlaps are settled by source priority (library > compromise and wink entities > typed proper
 * nouns > untyped ones), then one name keeps one type throughout the text.
 */
import { type Chunk, chunkText } from '../text/chunks';
import { textKey, wordsOf } from '../text/words';
import { type EntityCandidate, type KnowledgeTerm, type TaggedTerm, personSurnames } from './candidate';
import { compromiseEntities } from './compromise-source';
import { TITLE_WORDS, atSentenceStart, cleanSpan, type Span } from './edges';
import { knowledgeEntities } from './knowledge-source';
import { ACRONYM, NOT_ORGANIZATIONS, REPORTING_VERBS, isHeadWord, typeProperNounRun } from './typing';
import { companyShortForms, hasLegalSuffix, splitConjoinedCompanies, typeFromWording, wireCandidates, wireQuietSpans, withPlaceOpeners } from './wire';
import { NAME_JOINERS, winkEntities } from './wink-source';

/** One word of a nationality or origin: "Venezuelan", "Japanese", "British", "Afghan". */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:an|ian|ean|ese|ish|ic|i|iot)$/u;

const PRIORITY: Record<EntityCandidate['source'], number> = { library: 4, pattern: 3.5, compromise: 3, wink: 3, 'proper-noun': 2 };

/** What the NLP libraries found in one chunk: the part of the work that can run in parallel. */
export interface ChunkAnalysis {
  candidates: EntityCandidate[];
  tagged: TaggedTerm[];
  runs: Span[];
  /** Ends of tokens that a common noun follows ("Venezuelan| government"). */
  nounFollows: number[];
}

export function analyseChunk(chunk: Chunk): ChunkAnalysis {
  const fromCompromise = compromiseEntities(chunk);
  const fromWink = winkEntities(chunk);
  const nounFollows: number[] = [];
  const tokens = fromWink.tokens;
  for (let i = 0; i + 1 < tokens.length; i += 1) if (tokens[i + 1]!.pos === 'NOUN') nounFollows.push(tokens[i]!.end);
  return {
    candidates: [...fromCompromise.candidates, ...fromWink.candidates],
    tagged: fromCompromise.tagged,
    runs: fromWink.properNounRuns,
    nounFollows
  };
}

/** Entity suggestions for a whole text, in one thread (the worker pool splits the chunk work instead). */
export function suggestEntities(text: string, knowledge: KnowledgeTerm[]): EntityCandidate[] {
  return combineEntities(text, knowledge, chunkText(text).map(analyseChunk));
}

/** Settles the chunk analyses of one text (in text order) into its suggestions. */
export function combineEntities(text: string, knowledge: KnowledgeTerm[], analyses: ChunkAnalysis[]): EntityCandidate[] {
  const found: EntityCandidate[] = [...knowledgeEntities(text, knowledge), ...wireCandidates(text)];
  const tagged: TaggedTerm[] = [];
  const runs: Span[] = [];
  const nounFollows = new Set<number>();
  for (const analysis of analyses) {
    found.push(...analysis.candidates);
    tagged.push(...analysis.tagged);
    runs.push(...analysis.runs);
    for (const end of analysis.nounFollows) nounFollows.add(end);
  }
  const raw = withPlaceOpeners(text, splitConjoinedCompanies(text, found));
  const isDemonym = (c: Span) => nounFollows.has(c.end) && wordsOf(text.slice(c.start, c.end)).every((w) => DEMONYM.test(w));
  const isNoName = (c: EntityCandidate) =>
    c.source !== 'library' && (isDemonym(c) || isOfficeOf(text, c) || isOpenerAndAbbreviation(text, c) || NOT_ORGANIZATIONS.has(text.slice(c.start, c.end)));
  const strong = withSurnames(text, joinPlaceAndHead(text, joinPersonHalves(text, extendByRuns(text, select(text, cleaned(text, raw).filter((c) => !isNoName(c))), runs))));
  const nouns = properNouns(text, runs, strong, tagged).filter((c) => !isNoName(c));
  const all = withCompanyShortForms(text, [...strong, ...nouns]).sort((a, b) => a.start - b.start);
  for (const [i, c] of all.entries()) {
    const settled = typeFromWording(text, c) ?? acronymAfterName(text, all[i - 1], c) ?? roomNamedOffice(text, c) ?? firmOfSpeaker(text, all, i) ?? placeOfPlace(text, c, all[i + 1]);
    if (settled) Object.assign(c, settled, { source: 'pattern', confidence: Math.max(c.confidence, 0.7) });
  }
  harmoniseTypes(text, all);
  const quiet = new SpanIndex<Span>(text.length);
  for (const span of wireQuietSpans(text)) quiet.add(span);
  // What no cue could type is kept only when it looks like a name of several words ("New Granada"):
  // single capitalised words are mostly demonyms ("British") or sentence openers.
  const common = commonWords(text);
  return all.map((c) => endAtOwner(text, c)).filter(
    (c) =>
      (c.type !== 'other' || wordsOf(text.slice(c.start, c.end)).length > 1) &&
      quiet.overlapping(c).length === 0 &&
      !(NAME_TYPES.has(c.type) && c.source !== 'library' && c.source !== 'pattern' && isCommonWord(text.slice(c.start, c.end), common))
  );
}

/** An office held for a country, one or two words on: "Nigerian Oil| Minister", "Saudi Arabian| oil minister". */
const OFFICE_AFTER = /^[ \n](\p{L}+)(?:[ \n](\p{L}+))?/u;

/** "Nigerian Oil" of "Nigerian Oil Minister": words opening with a demonym that describe an office are no organisation. */
function isOfficeOf(text: string, c: EntityCandidate): boolean {
  if (c.type !== 'organization' && c.type !== 'other') return false;
  const after = OFFICE_AFTER.exec(text.slice(c.end, c.end + 40));
  const office = after && [after[1], after[2]].some((w) => w && TITLE_WORDS.has(w.toLowerCase()));
  return !!office && DEMONYM.test(wordsOf(text.slice(c.start, c.end))[0] ?? '');
}

/** "Reality TV star": a sentence's capitalised first word and an abbreviation that names no organisation are no name. */
function isOpenerAndAbbreviation(text: string, c: EntityCandidate): boolean {
  const words = wordsOf(text.slice(c.start, c.end));
  return words.length === 2 && atSentenceStart(text, c.start) && NOT_ORGANIZATIONS.has(words[1]!);
}

/**
 * An organisation's possessive inside a span ends it: "Harvard University's Energy" is "Harvard
 * University" (the rest names what it owns); "New People's Army" keeps its possessive.
 */
function endAtOwner(text: string, c: EntityCandidate): EntityCandidate {
  if (c.type !== 'organization' || c.source === 'library') return c;
  const owner = /(\p{L}+)['’]s\s+\p{Lu}/u.exec(text.slice(c.start, c.end));
  return owner && isHeadWord('organization', owner[1]!) ? { ...c, end: c.start + owner.index + owner[1]!.length } : c;
}

const NAME_TYPES = new Set(['person', 'organization', 'location']);
/**
 * Words the text itself writes in lower case ("traders", "embassy", "trust"): capitalised at a
 * sentence opening or in a heading, they are the same common word, not a name.
 */
const isCommonWord = (exact: string, common: Set<string>) => /^\p{Lu}\p{Ll}+$/u.test(exact) && common.has(exact.toLowerCase());

function commonWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}'’.-])\p{Ll}[\p{Ll}-]*(?![\p{L}\p{N}])/gu) ?? []);
}

/** An acronym right after an organisation's name is its short name: "Saudi Press Agency SPA", "National Action Party (PAN)". */
function acronymAfterName(text: string, previous: EntityCandidate | undefined, c: EntityCandidate): { type: string; reason: string } | null {
  if (!previous || previous.type !== 'organization' || c.type === 'organization' || c.source === 'library') return null;
  if (!/^\p{Lu}{2,6}$/u.test(text.slice(c.start, c.end)) || !/^ \(?$/u.test(text.slice(previous.end, c.start))) return null;
  return { type: 'organization', reason: `short name of "${text.slice(previous.start, previous.end)}"` };
}

/**
 * A "person" named right after a person and "of" is the firm that person speaks for, with an
 * untyped capitalised word before it: "Jose Silva of Comissaria Smith".
 */
function firmOfSpeaker(text: string, all: EntityCandidate[], i: number): { type: string; reason: string; start: number } | null {
  const c = all[i]!;
  if (c.type !== 'person' || c.source === 'library') return null;
  let start = c.start;
  let j = i - 1;
  if (all[j]?.type === 'other' && text.slice(all[j]!.end, c.start) === ' ' && wordsOf(text.slice(all[j]!.start, all[j]!.end)).length === 1) start = all[j--]!.start;
  const speaker = all[j];
  if (speaker?.type !== 'person' || !/^,?[ \n]of[ \n]$/u.test(text.slice(speaker.end, start))) return null;
  return { type: 'organization', reason: `the firm "${text.slice(speaker.start, speaker.end)}" speaks for`, start };
}

/**
 * "in the Oval Office": an "… Office" the text only puts people in is a room; one that says
 * something anywhere in the text ("the Foreign Office said") stays an organisation.
 */
function roomNamedOffice(text: string, c: EntityCandidate): { type: string; reason: string } | null {
  const exact = text.slice(c.start, c.end);
  if (c.type !== 'organization' || c.source === 'library' || !/ Office$/u.test(exact) || !/(?:in|into|from|outside) the $/u.test(text.slice(Math.max(0, c.start - 12), c.start))) return null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (REPORTING_VERBS.test(text.slice(at + exact.length, at + exact.length + 30))) return null;
  }
  return { type: 'location', reason: `room people are "in" ("${exact}")` };
}

/**
 * An untyped name written before a place as "Lugano, Switzerland" or "Paulsboro, New Jersey" is a
 * place in it; not inside a list of names ("the Olmec, Toltec, Teotihuacan, Zapotec").
 */
function placeOfPlace(text: string, c: EntityCandidate, next: EntityCandidate | undefined): { type: string; reason: string } | null {
  if (c.type !== 'other' || next?.type !== 'location' || !/^,[ \n]$/u.test(text.slice(c.end, next.start))) return null;
  if (/,\s$/u.test(text.slice(c.start - 2, c.start)) || /^,\s+\p{Lu}/u.test(text.slice(next.end, next.end + 3))) return null;
  return { type: 'location', reason: `place in "${text.slice(next.start, next.end)}"` };
}

/**
 * A shorter form of a company the text names in full is that company, whatever a model typed it
 * ("Terminal" as a person in "Computer Terminal said"); a place keeps its type ("Hong Kong"), and
 * so does a person's surname.
 */
function withCompanyShortForms(text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  const companies = candidates.filter((c) => c.source === 'pattern' && c.type === 'organization');
  const index = new SpanIndex<EntityCandidate>(text.length);
  for (const c of candidates) index.add(c);
  const replaced = new Set<EntityCandidate>();
  const added: EntityCandidate[] = [];
  // "McKiernan and Co" … "McKiernan explained": the surname of a person the text names in full stays that person.
  const surnames = personSurnames(text, candidates);
  for (const form of companyShortForms(text, companies)) {
    if (surnames.has(text.slice(form.start, form.end))) continue;
    const overlapping = index.overlapping(form);
    const inside = overlapping.every((c) => c.start >= form.start && c.end <= form.end && c.source !== 'library');
    if (!inside || overlapping.some((c) => c.type === 'location' && c.source === 'compromise' && c.start === form.start && c.end === form.end)) continue;
    for (const c of overlapping) replaced.add(c);
    added.push({ ...form, type: 'organization', source: 'pattern', confidence: 0.7, entityId: null, reason: 'shorter form of a company named in this text' });
  }
  return [...candidates.filter((c) => !replaced.has(c)), ...added];
}

/**
 * compromise often sees only part of a name that wink's proper-noun run covers whole: "Gloria" of
 * "Gloria MACAPAGAL-ARROYO", "Colombia" of "Gran Colombia", "Cape of Good" of "Cape of Good Hope",
 * "Manuel" and "QUEZON" of "Manuel QUEZON". The run wins when what it adds is name-like for that
 * type (never a title, never a new name after an organisation: "the Oval Office Trump" stays two
 * names); a place followed by an organisation's head word becomes that organisation ("US Navy").
 */
function extendByRuns(text: string, chosen: EntityCandidate[], runs: Span[]): EntityCandidate[] {
  const index = new SpanIndex<EntityCandidate>(text.length);
  for (const c of chosen) index.add(c);
  const merged = new Set<EntityCandidate>();
  for (const run of runs) {
    const inside = index.overlapping(run).sort((a, b) => a.start - b.start);
    const c = inside[0];
    if (!c || c.source !== 'compromise' || inside.some((o) => o.source !== 'compromise' || o.start < run.start || o.end > run.end)) continue;
    const span = cleanSpan(text, c.type === 'person' ? personPart(text, run, c) : run, c.type);
    if (!span || span.start > c.start || span.end < inside.at(-1)!.end || (span.start === c.start && span.end === c.end)) continue;
    const rest = inside.slice(1);
    // Several candidates in one run join only as one person: a given name and capitalised surnames.
    if (rest.length > 0 && !(c.type === 'person' && rest.every((o) => /^\p{Lu}[\p{Lu}'’-]+$/u.test(text.slice(o.start, o.end))))) continue;
    const left = wordsOf(text.slice(span.start, c.start));
    const right = wordsOf(text.slice(c.end, span.end));
    if ([...left, ...right].some((w) => TITLE_WORDS.has(w.toLowerCase()))) continue;
    const type = extendedType(c.type, left, right, wordsOf(text.slice(span.start, span.end)), rest.length > 0);
    if (!type) continue;
    c.start = span.start;
    c.end = span.end;
    c.type = type;
    c.reason += ', completed from the proper-noun run (wink-nlp)';
    for (const o of rest) merged.add(o);
  }
  return chosen.filter((c) => !merged.has(c));
}

/** A person's name ends before the first lower-case word of its run: "Vicente FOX| of the National Action Party". */
function personPart(text: string, run: Span, person: Span): Span {
  const joiner = /\s\p{Ll}/u.exec(text.slice(person.end, run.end));
  return joiner ? { start: run.start, end: person.end + joiner.index } : run;
}

/** The type of the name once extended, or null when the extension does not fit. */
function extendedType(type: string, left: string[], right: string[], run: string[], joinsNames: boolean): string | null {
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  const structured = run.some((w) => NAME_JOINERS.has(w)); // "Cape of Good Hope", "Union of South Africa"
  if (type === 'person') {
    const fits = left.length === 0 ? right.every(capitalised) : left.length <= 1 && capitalised(left[0]!) && right.length === 0;
    return fits || joinsNames ? 'person' : null;
  }
  if (!structured && !left.every(capitalised)) return null;
  if (type === 'location' && right.length > 0 && isHeadWord('organization', right.at(-1)!)) return 'organization';
  // Places and organisations grow to the right only inside a name built with "of", or by a head word ("South China" + "Sea").
  return right.length === 0 || structured || right.every((w) => isHeadWord(type, w)) ? type : null;
}

/**
 * A place right before an organisation's head word is that organisation's name, however the models
 * split it: "West Virginia" + "Power" is "West Virginia Power".
 */
function joinPlaceAndHead(text: string, chosen: EntityCandidate[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const c of chosen) {
    const previous = out.at(-1);
    const head = previous?.type === 'location' && c.type === 'organization' && text.slice(previous.end, c.start) === ' ' && isHeadWord('organization', text.slice(c.start, c.end));
    if (head && previous.source !== 'library' && c.source !== 'library') {
      Object.assign(previous, { end: c.end, type: 'organization', reason: `organisation name ("${text.slice(c.start, c.end)}")` });
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * compromise splits "Jack Johnson's" into two people; two person names side by side are one, also
 * across a middle initial ("David F. La Roche") or the line break of hard-wrapped copy.
 */
function joinPersonHalves(text: string, chosen: EntityCandidate[]): EntityCandidate[] {
  const sorted = [...chosen].sort((a, b) => a.start - b.start);
  const out: EntityCandidate[] = [];
  for (const c of sorted) {
    const previous = out.at(-1);
    const adjacent = previous && /^(?: |\n| \p{Lu}\. )$/u.test(text.slice(previous.end, c.start));
    if (adjacent && previous.type === 'person' && c.type === 'person' && previous.source !== 'library' && c.source !== 'library') {
      previous.end = c.end;
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * A lone given name that a capitalised word nothing else claims follows, on the same line or the
 * next, ends at that word: "Larry Eckenfelder of Prudential-Bache", "from Michael\nPenhale".
 */
function withSurnames(text: string, chosen: EntityCandidate[]): EntityCandidate[] {
  const taken = new SpanIndex<EntityCandidate>(text.length);
  for (const c of chosen) taken.add(c);
  for (const c of chosen) {
    if (c.type !== 'person' || c.source === 'library' || wordsOf(text.slice(c.start, c.end)).length !== 1) continue;
    const next = /^[ \n](\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}.'’-])/u.exec(text.slice(c.end, c.end + 40));
    if (!next || TITLE_WORDS.has(next[1]!.toLowerCase()) || hasLegalSuffix(next[1]!)) continue;
    const end = c.end + next[0].length;
    if (taken.overlapping({ start: c.end, end }).length > 0) continue;
    c.end = end;
    c.reason += ', with the surname after it';
  }
  return chosen;
}

function cleaned(text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const candidate of candidates) {
    const span = cleanSpan(text, candidate, candidate.type);
    if (span) out.push({ ...candidate, ...span });
  }
  return out;
}

/** Greedy: best source first, then longer spans; a candidate that overlaps a chosen one is dropped (or confirms it). */
function select(text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  const ordered = [...candidates].sort(
    (a, b) => PRIORITY[b.source] - PRIORITY[a.source] || b.end - b.start - (a.end - a.start) || a.start - b.start
  );
  const chosen = new SpanIndex<EntityCandidate>(text.length);
  for (const candidate of ordered) {
    const clash = chosen.overlapping(candidate);
    if (clash.length === 0) {
      chosen.add({ ...candidate });
      continue;
    }
    for (const kept of clash) {
      // Two sources agreeing on span and type make the suggestion more trustworthy.
      if (kept.start === candidate.start && kept.end === candidate.end && kept.type === candidate.type && kept.source !== candidate.source) {
        kept.confidence = Math.min(0.95, kept.confidence + 0.15);
        if (!kept.reason.includes(candidate.source)) kept.reason += `; also ${candidate.reason}`;
      }
    }
  }
  return chosen.items();
}

/** Proper-noun runs outside the chosen spans, each typed from its own cues. */
function properNouns(text: string, runs: Span[], strong: EntityCandidate[], tagged: TaggedTerm[]): EntityCandidate[] {
  const taken = new SpanIndex<Span>(text.length);
  for (const c of strong) taken.add(c);
  const out: EntityCandidate[] = [];
  for (const run of runs) {
    for (const piece of subtract(run, taken.overlapping(run))) {
      const rough = cleanSpan(text, piece, 'other');
      if (!rough) continue;
      const { type, reason } = typeProperNounRun(text, rough, tagged);
      const span = cleanSpan(text, rough, type);
      if (!span) continue;
      const words = wordsOf(text.slice(span.start, span.end));
      if (words.length === 0 || words.every((w) => TITLE_WORDS.has(w.toLowerCase()))) continue;
      out.push({ ...span, type, source: 'proper-noun', confidence: type === 'other' ? 0.3 : 0.55, entityId: null, reason });
    }
  }
  return out;
}

function subtract(run: Span, cuts: Span[]): Span[] {
  const pieces: Span[] = [];
  let start = run.start;
  for (const cut of [...cuts].sort((a, b) => a.start - b.start)) {
    if (cut.start > start) pieces.push({ start, end: cut.start });
    start = Math.max(start, cut.end);
  }
  if (start < run.end) pieces.push({ start, end: run.end });
  return pieces;
}

/**
 * One sense per article: a name typed one way in most places is typed that way everywhere, and an
 * untyped word that is the surname of a person named elsewhere ("Kushner" after "Jared Kushner") is a person.
 */
function harmoniseTypes(text: string, candidates: EntityCandidate[]) {
  const votes = new Map<string, Map<string, number>>();
  const surnames = new Set<string>();
  for (const c of candidates) {
    // An acronym's shape is the weakest cue: it casts no vote, so "MADURO" can still be "Nicolas MADURO"'s surname.
    if (c.type === 'other' || c.reason === ACRONYM) continue;
    const key = textKey(text.slice(c.start, c.end));
    const counts = votes.get(key) ?? new Map<string, number>();
    // The library and the text's own wording outweigh any number of model guesses.
    counts.set(c.type, (counts.get(c.type) ?? 0) + (c.source === 'library' || c.source === 'pattern' ? 100 : 1));
    votes.set(key, counts);
    if (c.type === 'person') surnames.add(wordsOf(key).at(-1)!);
  }
  for (const c of candidates) {
    if (c.source === 'library' || c.type === 'date' || c.type === 'number') continue;
    const exact = text.slice(c.start, c.end);
    const counts = votes.get(textKey(exact));
    if (counts) {
      const [type, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
      const total = [...counts.values()].reduce((s, v) => s + v, 0);
      if (type !== c.type && (c.type === 'other' || n * 3 >= total * 2)) {
        c.type = type;
        c.reason = `typed ${type} elsewhere in this text`;
        c.confidence = Math.max(c.confidence, 0.5);
        continue;
      }
    }
    const untyped = c.type === 'other' || (c.source === 'proper-noun' && c.reason === ACRONYM);
    const typedOtherwise = [...(counts?.keys() ?? [])].some((type) => type !== 'person');
    if (untyped && !typedOtherwise && surnames.has(wordsOf(textKey(exact)).at(-1) ?? '')) {
      c.type = 'person';
      c.reason = 'surname of a person named in this text';
      c.confidence = 0.5;
    }
  }
}

/** Which chosen span covers each character of the text: overlap queries in time proportional to the span. */
class SpanIndex<T extends Span> {
  private readonly owner: Int32Array;
  private readonly list: T[] = [];

  constructor(length: number) {
    this.owner = new Int32Array(length).fill(-1);
  }

  add(item: T) {
    this.list.push(item);
    this.owner.fill(this.list.length - 1, item.start, item.end);
  }

  overlapping(span: Span): T[] {
    const found = new Set<T>();
    for (let i = span.start; i < span.end; i += 1) {
      const index = this.owner[i]!;
      if (index >= 0) found.add(this.list[index]!);
    }
    return [...found];
  }

  items(): T[] {
    return [...this.list];
  }
}
