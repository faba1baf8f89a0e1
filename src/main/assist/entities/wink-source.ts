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
const NAME_JOINERS = new Set(['of', 'de', 'del', 'der', 'la', 'le', 'van', 'von', 'da', 'di', 'du', 'al', 'bin', '&']);

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

  const candidates: EntityCandidate[] = [];
  const types = doc.entities().out(its.type) as string[];
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  types.forEach((winkType, i) => {
    const [first, last] = spans[i]!;
    const type = labelOf(winkType, tokens, first, last);
    if (!type) return;
    candidates.push({
      start: tokens[first]!.start,
      end: tokens[last]!.end,
      type,
      source: 'wink',
      confidence: 0.75,
      entityId: null,
      reason: `${winkType.toLowerCase()} (wink-nlp)`
    });
  });
  return { candidates, properNounRuns: properNounRuns(tokens, spaces), tokens };
}

/** Maps wink's entity types to label keys; handles, e-mails, emoji and lone small numbers are left out. */
function labelOf(winkType: string, tokens: Token[], first: number, last: number): string | null {
  const text = tokens.slice(first, last + 1).map((t) => t.value).join(' ');
  switch (winkType) {
    case 'DATE':
    case 'TIME':
      return 'date';
    case 'MONEY':
    case 'PERCENT':
    case 'DURATION':
      return 'number';
    case 'CARDINAL': {
      if (/^(1[5-9]|20)\d\d$/.test(text) && yearContext(tokens, first)) return 'date';
      if (/\d/.test(text)) return 'number';
      // Spelled-out counts matter when they count something: "three countries", not "the two".
      const next = tokens[last + 1];
      return NUMBER_WORDS.has(text.toLowerCase()) && next && /^(NOUN|ADJ)$/.test(next.pos) ? 'number' : null;
    }
    default:
      return null;
  }
}

/** "in 1830", "since 1959", "(1867)": a four-digit number read as a year. */
function yearContext(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1]?.value.toLowerCase() ?? '';
  return ['in', 'since', 'from', 'to', 'until', 'till', 'by', 'of', 'during', 'before', 'after', '(', 'and', 'year'].includes(before);
}

const isProperNoun = (t: Token) =>
  t.pos === 'PROPN' || (/^\p{Lu}[\p{Lu}'’-]+$/u.test(t.value) && t.value.length >= 2 && t.pos !== 'PUNCT');

function properNounRuns(tokens: Token[], spaces: string[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isProperNoun(tokens[i]!)) {
      i += 1;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      const gap = spaces[j]!;
      if (/\n|\s\s/.test(gap)) break;
      const token = tokens[j]!;
      if (isProperNoun(token)) {
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
  const next = tokens[j + 1];
  if (!next || /\n|\s\s/.test(spaces[j + 1]!)) return false;
  return isProperNoun(next) || (next.value.toLowerCase() === 'the' && !!tokens[j + 2] && isProperNoun(tokens[j + 2]!));
}
