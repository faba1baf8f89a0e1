/**
 * Dates, times, quantities and proper-noun runs from wink-nlp with its English lite model
 * (wink-eng-lite-web-model, shipped as an npm package: nothing is downloaded at run time).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Chunk } from '../text/chunks';
import type { EntityCandidate } from './candidate';

let engine: ReturnType<typeof winkNLP> | null = null;
/** Loading the model takes a moment; it is done once per thread, on first use. */
const nlp = () => (engine ??= winkNLP(model));

export interface Token {
  start: number;
  end: number;
  value: string;
  pos: string;
}

export interface WinkResult {
  candidates: EntityCandidate[];
  /** Runs of proper nouns ("Gran Colombia", "Cape of Good Hope"), untyped. */
  properNounRuns: Array<{ start: number; end: number }>;
  tokens: Token[];
}

const NUMBER_WORDS = new Set(
  ('two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen ' +
    'nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens ' +
    'hundreds thousands millions billions').split(' ')
);
/** Lower-case words that may sit inside a proper name ("Cape of Good Hope", "Bank of America"). */
export const NAME_JOINERS = new Set(['of', 'de', 'del', 'der', 'la', 'le', 'van', 'von', 'da', 'di', 'du', 'al', 'bin', '&']);

export function winkEntities(chunk: Chunk): WinkResult {
  const { its } = nlp();
  const doc = nlp().readDoc(chunk.text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let position = chunk.start;
  for (let i = 0; i < values.length; i += 1) {
    position += spaces[i]!.length;
    tokens.push({ start: position, end: position + values[i]!.length, value: values[i]!, pos: tags[i]! });
    position += values[i]!.length;
  }

  const found: Array<{ first: number; last: number; type: string; winkType: string }> = [];
  const types = doc.entities().out(its.type) as string[];
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  types.forEach((winkType, i) => {
    const [first, last] = spans[i]!;
    const type = labelOf(winkType, tokens, first, last);
    if (!type) return;
    const previous = found.at(-1);
    // wink splits "10-year", "1944-45" and "1899-1902" at the hyphen: join the halves again.
    if (previous && previous.last + 2 === first && tokens[first - 1]!.value === '-' && !spaces[first - 1] && !spaces[first]) {
      previous.last = last;
      if (type === 'date') previous.type = 'date';
      return;
    }
    found.push({ first, last, type, winkType });
  });
  const candidates: EntityCandidate[] = found.flatMap(({ first, last, type, winkType }) =>
    splitYearRange(tokens, first, last, type).map(([a, b]) => ({
      start: tokens[a]!.start,
      end: tokens[b]!.end,
      type,
      source: 'wink' as const,
      confidence: 0.75,
      entityId: null,
      reason: `${winkType.toLowerCase()} (wink-nlp)`
    }))
  );
  candidates.push(...tokenQuantities(tokens, spaces));
  const unwrapped = withoutSoftWraps(chunk, tokens, spaces);
  return { candidates, properNounRuns: properNounRuns(unwrapped.tokens, unwrapped.spaces), tokens };
}

/** A line at least this long that breaks without indentation is hard-wrapped prose, not a heading or a list item. */
const WRAPPED_LINE = 40;

/**
 * Hard-wrapped copy breaks lines inside names ("Teles Pires\nMining"); wink reads the line break
 * as a token of its own. Such a break is dropped, so it joins a run of names like a space.
 */
function withoutSoftWraps(chunk: Chunk, tokens: Token[], spaces: string[]): { tokens: Token[]; spaces: string[] } {
  const kept: Token[] = [];
  const keptSpaces: string[] = [];
  let wrapped = false;
  tokens.forEach((token, i) => {
    const at = token.start - chunk.start;
    const lineLength = at - (chunk.text.lastIndexOf('\n', at - 1) + 1);
    if (token.value === '\n' && !spaces[i] && !spaces[i + 1] && lineLength >= WRAPPED_LINE) {
      wrapped = true;
      return;
    }
    kept.push(token);
    keptSpaces.push(wrapped ? ' ' : spaces[i]!);
    wrapped = false;
  });
  return { tokens: kept, spaces: keptSpaces };
}

/** Maps wink's entity types to label keys; handles, e-mails, emoji and lone small numbers are left out. */
function labelOf(winkType: string, tokens: Token[], first: number, last: number): string | null {
  const words = tokens.slice(first, last + 1);
  const text = words.map((t) => t.value).join(' ');
  const hasNumber = /\d/.test(text) || words.some((t) => NUMBER_WORDS.has(t.value.toLowerCase()));
  switch (winkType) {
    case 'DATE':
    case 'TIME':
      // "this may have prompted": the verbs "may" and "march" written in lower case name no month.
      return words.some((t) => t.value === 'may' || t.value === 'march') && !hasNumber ? null : 'date';
    case 'DURATION':
      // "since 1959" is a date; "decades" or "modern day" without a number is no quantity.
      if (words.some((t) => isYear(t.value))) return 'date';
      return hasNumber ? 'number' : null;
    case 'MONEY':
    case 'PERCENT':
      return 'number';
    case 'CARDINAL': {
      const next = tokens[last + 1];
      if (first === last && isYear(text) && !(next?.pos === 'NOUN' && /s$/.test(next.value))) return 'date';
      if (/\d/.test(text)) return 'number';
      // Spelled-out counts matter when they count something: "three countries", not "the two".
      return NUMBER_WORDS.has(text.toLowerCase()) && next && /^(NOUN|ADJ)$/.test(next.pos) ? 'number' : null;
    }
    default:
      return null;
  }
}

const isYear = (value: string) => /^(1[5-9]|20)\d\d$/.test(value);

/** "from 1999 to 2013" names two dates; a hyphenated range ("1899-1902") stays one. */
function splitYearRange(tokens: Token[], first: number, last: number, type: string): Array<[number, number]> {
  if (type !== 'date') return [[first, last]];
  const years = [];
  for (let i = first; i <= last; i += 1) if (isYear(tokens[i]!.value)) years.push(i);
  const joined = years.length === 2 && years[1]! - years[0]! === 2 && /^(to|and|through|until)$/i.test(tokens[years[0]! + 1]!.value);
  return joined ? [[first, years[0]!], [years[1]!, last]] : [[first, last]];
}

const UNITS = /^(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|percent|point|members?|seats?|stor(?:e)?y)$/i;

/** What wink's entity model misses: year ranges ("1944-45", "1899-1902") and hyphenated quantities ("10-year", "six-year"). */
function tokenQuantities(tokens: Token[], spaces: string[]): EntityCandidate[] {
  const found: EntityCandidate[] = [];
  const add = (first: number, last: number, type: string, reason: string) =>
    found.push({ start: tokens[first]!.start, end: tokens[last]!.end, type, source: 'wink', confidence: 0.7, entityId: null, reason });
  tokens.forEach((token, i) => {
    if (/^(1[5-9]|20)\d\d[-–](\d\d|(1[5-9]|20)\d\d)$/.test(token.value)) add(i, i, 'date', 'year range (wink-nlp tokens)');
    const isCount = token.pos === 'NUM' || NUMBER_WORDS.has(token.value.toLowerCase()) || token.value.toLowerCase() === 'one';
    const hyphen = tokens[i + 1];
    const unit = tokens[i + 2];
    if (isCount && hyphen?.value === '-' && unit && !spaces[i + 1] && !spaces[i + 2] && UNITS.test(unit.value)) {
      add(i, i + 2, 'number', 'hyphenated quantity (wink-nlp tokens)');
    }
  });
  return found;
}

const isProperNoun = (t: Token) =>
  t.pos === 'PROPN' || (/^\p{Lu}[\p{Lu}'’-]+$/u.test(t.value) && t.value.length >= 2 && t.pos !== 'PUNCT');

/** A proper noun, or a capitalised adjective inside a name ("African National Congress", "Cape of Good Hope"). */
function isNameToken(tokens: Token[], spaces: string[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (isProperNoun(token)) return true;
  const next = tokens[i + 1];
  return token.pos === 'ADJ' && /^\p{Lu}\p{Ll}/u.test(token.value) && !!next && !/\n|\s\s/.test(spaces[i + 1]!) && isProperNoun(next);
}

function properNounRuns(tokens: Token[], spaces: string[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens, spaces, i)) {
      i += 1;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      const gap = spaces[j]!;
      if (/\n|\s\s/.test(gap)) break;
      const token = tokens[j]!;
      if (isNameToken(tokens, spaces, j)) {
        last = j;
        j += 1;
      } else if ((NAME_JOINERS.has(token.value.toLowerCase()) || (token.value === '-' && gap === '')) && nextIsName(tokens, spaces, j)) {
        j += 1;
      } else if (token.value.toLowerCase() === 'the' && NAME_JOINERS.has(tokens[j - 1]!.value.toLowerCase()) && nextIsName(tokens, spaces, j)) {
        j += 1; // "Republic of the Philippines"
      } else {
        break;
      }
    }
    runs.push({ start: tokens[i]!.start, end: tokens[last]!.end });
    i = j;
  }
  return runs;
}

function nextIsName(tokens: Token[], spaces: string[], j: number): boolean {
  if (!tokens[j + 1] || /\n|\s\s/.test(spaces[j + 1]!)) return false;
  return isNameToken(tokens, spaces, j + 1) || (tokens[j + 1]!.value.toLowerCase() === 'the' && isNameToken(tokens, spaces, j + 2));
}
