/**
 * Where a fuzzy match begins and ends. approx-string-match reports the cheapest match, whose edges
 * may fall inside words: "“every bus in the fleet is now electric”" is cheapest in "“every single
 * bus in the fleet is now electric”" as "ngle bus … electric”" (six edits against seven). So each
 * edge is chosen again among those that cost (nearly) as little: never inside a word where the
 * quote itself begins or ends at a word edge, and preferably keeping the quote's first and last
 * characters (there, the whole "“every single bus … electric”").
 */
import { isCodePointBoundary, type TextQuote } from '../text/spans';
import { insideWord, wordCharAt, wordCharBefore } from '../text/words';
import type { SearchBudget } from './search-budget';

/** How many edits more than the cheapest allowed edge an edge keeping the quote's first or last character may cost. */
const EDGE_SLACK = 2;
/** Stands for a cost beyond the edits allowed. */
const FAR = 0x3fffffff;

export interface FuzzySpan {
  start: number;
  end: number;
  /** The edits that turn the quote into the text of the span. */
  errors: number;
}

/** What an edge of the match should be like: the quote's edge. */
interface EdgeWish {
  /** Whether the quote's edge lies inside a word. */
  inWord: boolean;
  /** Whether the character inside an edge at `at` is the quote's. */
  keeps: (at: number) => boolean;
  /**
   * How far an edge at `at` looks unlike the quote's, 0..2: the character inside is a word character
   * where the quote's is not (or the other way round); the one outside is not the context's.
   */
  unlike: (at: number) => number;
}

/**
 * The span of a fuzzy match (UTF-16 offsets into `text`) with its edges chosen again, each within
 * `maxErrors` edits of the quote; null when no allowed edge is within them.
 */
export function fitToWordEdges(
  text: string,
  quote: TextQuote,
  match: { start: number; end: number },
  maxErrors: number,
  budget: SearchBudget
): FuzzySpan | null {
  const { exact, prefix, suffix } = quote;
  const [first, last] = [firstChar(exact), lastChar(exact)];
  const [before, after] = [lastChar(prefix), firstChar(suffix)];
  const firstIsWord = wordCharAt(exact, 0) > 0;
  const lastIsWord = wordCharBefore(exact, exact.length) > 0;
  const startWish: EdgeWish = {
    inWord: insideWord(prefix + exact, prefix.length),
    keeps: (at) => text.startsWith(first, at),
    unlike: (at) => Number(wordCharAt(text, at) > 0 !== firstIsWord) + Number(!text.endsWith(before, at))
  };
  const endWish: EdgeWish = {
    inWord: insideWord(exact + suffix, exact.length),
    keeps: (at) => text.endsWith(last, at),
    unlike: (at) => Number(wordCharBefore(text, at) > 0 !== lastIsWord) + Number(!text.startsWith(after, at))
  };
  const endFrom = (start: number): FuzzySpan | null => {
    const costs = alignmentCosts(exact, text.slice(start, start + exact.length + maxErrors), maxErrors, budget);
    const end = chooseEdge(text, costs, (length) => start + length, endWish, maxErrors);
    return end && { start, end: end.at, errors: end.cost };
  };
  const startTo = (end: number): number | null => {
    const from = Math.max(0, end - exact.length - maxErrors);
    const costs = alignmentCosts(reversed(exact), reversed(text.slice(from, end)), maxErrors, budget);
    return chooseEdge(text, costs, (length) => end - length, startWish, maxErrors)?.at ?? null;
  };
  // The end given the match's start, the start given that end, then the end given that start.
  const rough = endFrom(match.start);
  const start = rough ? startTo(rough.end) : null;
  return start === null ? null : endFrom(start);
}

/**
 * The edge to take among those `costs` allows (indexed by the length of the span they end or
 * start): none inside a word unless the quote's edge is; of those within EDGE_SLACK of the cheapest,
 * the one keeping the quote's character and lying inside a word as the quote's edge does (or not),
 * then the cheapest, then the one that otherwise looks most like the quote's, then the longest span.
 */
function chooseEdge(
  text: string,
  costs: Int32Array,
  offsetOf: (length: number) => number,
  wish: EdgeWish,
  maxErrors: number
): { at: number; cost: number } | null {
  const allowed: { at: number; cost: number; length: number; misses: number; unlike: number }[] = [];
  for (let length = 0; length < costs.length; length += 1) {
    const cost = costs[length]!;
    const at = offsetOf(length);
    if (cost > maxErrors || !isCodePointBoundary(text, at)) continue;
    const inWord = insideWord(text, at);
    if (inWord && !wish.inWord) continue;
    allowed.push({ at, cost, length, misses: (wish.keeps(at) ? 0 : 1) + (inWord === wish.inWord ? 0 : 1), unlike: wish.unlike(at) });
  }
  if (allowed.length === 0) return null;
  const cheapest = Math.min(...allowed.map((edge) => edge.cost));
  const [best] = allowed
    .filter((edge) => edge.cost <= cheapest + EDGE_SLACK)
    .sort((a, b) => a.misses - b.misses || a.cost - b.cost || a.unlike - b.unlike || b.length - a.length);
  return { at: best!.at, cost: best!.cost };
}

/**
 * For each length k, the edits that turn `pattern` into the first k units of `text`, when they are
 * at most `band` (FAR when more): the edit-distance table kept to the band around its diagonal,
 * which is all an alignment of at most `band` edits can use.
 */
function alignmentCosts(pattern: string, text: string, band: number, budget: SearchBudget): Int32Array {
  const n = Math.min(text.length, pattern.length + band);
  budget.take(pattern.length * (2 * band + 1));
  let previous = new Int32Array(n + 1).fill(FAR);
  let current = new Int32Array(n + 1).fill(FAR);
  for (let j = 0; j <= Math.min(n, band); j += 1) previous[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    const low = Math.max(0, i - band);
    const high = Math.min(n, i + band);
    if (low > n) return current.fill(FAR);
    if (low === 0) current[0] = i;
    else current[low - 1] = FAR;
    const code = pattern.charCodeAt(i - 1);
    for (let j = Math.max(1, low); j <= high; j += 1) {
      const substitute = previous[j - 1]! + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  // Cells left of the last row's band still hold earlier rows' values.
  return previous.fill(FAR, 0, Math.max(0, pattern.length - band));
}

const firstChar = (text: string) => (text === '' ? '' : String.fromCodePoint(text.codePointAt(0)!));
const lastChar = (text: string) => [...text.slice(-2)].at(-1) ?? '';

/** The UTF-16 units in reverse order (edit distances are the same read backwards). */
const reversed = (text: string) => text.split('').reverse().join('');
