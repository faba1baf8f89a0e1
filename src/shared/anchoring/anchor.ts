/**
 * Re-anchoring: finding where an annotation belongs in a text that may differ from the one it
 * was made on (a corrected article). Each annotation is tried, in order:
 *   1. at its recorded position, accepted only when the quote and its context are found there;
 *   2. near the expected position (the recorded one, moved by as much as the annotations before
 *      it moved): the exact quote's occurrences, ranked by how well the prefix and suffix around
 *      each agree, and a fuzzy match of the quote right where it was (its own text was edited);
 *   3. anywhere in the text: the exact quote, then a fuzzy (edit-distance) match.
 * Candidates are scored as the Hypothesis client's match-quote scores them: similarity of the
 * quote (weight 50), of the prefix and suffix (20 each) and closeness to the expected position
 * (2, a tie-breaker); fuzzy search uses approx-string-match, the Hypothesis client's library.
 * Too low a score leaves the annotation unplaced (orphaned), and so does a search that would spend
 * more than is left of the run's search budget (see search-budget.ts). Positions in are code points
 * (TextPositionSelector); offsets out are UTF-16 units.
 */
import { isCodePointBoundary, type TextQuote } from '../text/spans';
import { CodePointIndex } from './code-points';
import { SearchBudget, SearchBudgetSpent } from './search-budget';
import { fitToWordEdges } from './word-edges';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorTarget {
  quote: TextQuote;
  /** Where the annotation was, in code points of the text it was made on. */
  position?: { start: number; end: number } | null;
}

export interface Anchor {
  /** UTF-16 offsets into the text anchored in. */
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1; 1 is the quote and its whole context found at the recorded position. */
  score: number;
}

export type AnchorResult = { ok: true; value: Anchor } | { ok: false; error: string };

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** The lowest score a placement needs: e.g. the exact quote with one side of its context. */
const MIN_ANCHOR_SCORE = 0.7;
/**
 * Short quotes ("Kim", "the") occur everywhere by chance, so their context must agree more
 * (about three quarters of it) before they are placed away from where they were.
 */
const SHORT_QUOTE = 8;
const MIN_SHORT_QUOTE_SCORE = 0.8;
/**
 * A quote this long (UTF-16 units) found at one place only, with at most 10% of it changed, is
 * accepted even when its context was rewritten: such a quote does not occur by chance.
 */
const DISTINCTIVE_QUOTE = 20;
const DISTINCTIVE_QUOTE_SCORE = 0.9;
/** How far (UTF-16 units) either side of the expected position the first, cheap searches look. */
const NEAR = 2048;
/**
 * How far (UTF-16 units, besides the edits allowed) around the expected span an edited quote is
 * looked for. Tight on purpose: approx-string-match reports only the closest matches, so a window
 * holding an intact copy of the quote nearby would hide the edited one where the annotation was.
 */
const CLOSE = 8;
/** A placement this good (the quote with nearly all its context) ends the search at once. */
const CONFIDENT_SCORE = 0.95;
/** Candidates given the full (edit-distance) score per search, the most promising first. */
const SCORED_CANDIDATES = 4;
/** Fuzzy matching allows up to a quarter of the quote to differ (at most 256 edits). */
const MAX_ERROR_SHARE = 0.25;
const MAX_ERRORS = 256;
/**
 * The search work one run of anchoring may do (units of search-budget.ts): a count of work, not a
 * time, so a file places alike on every machine. It is about 5 s of searching on a 2-core laptop;
 * re-anchoring 10,000 annotations in a 100,000-word article after 1% edits spends under a tenth of it.
 */
export const SEARCH_BUDGET = 800_000_000;

interface Candidate {
  start: number;
  end: number;
  /** Similarity of the text at the candidate to the quote, 0..1. */
  quoteScore: number;
  score: number;
}

const fail = (error: string): AnchorResult => ({ ok: false, error });
const maxErrorsFor = (quote: TextQuote) => Math.min(MAX_ERRORS, Math.floor(quote.exact.length * MAX_ERROR_SHARE));

/** Anchors annotations in one text; build it once per text (it indexes code points). */
export class Anchorer {
  readonly index: CodePointIndex;
  readonly #budget: SearchBudget;

  /** `searchBudget`: the work all the searches of this anchorer may do together (units of search-budget.ts). */
  constructor(
    readonly text: string,
    searchBudget = SEARCH_BUDGET
  ) {
    this.index = new CodePointIndex(text);
    this.#budget = new SearchBudget(searchBudget);
  }

  /**
   * Places one annotation. `drift` (UTF-16 units) is how far annotations before this one moved,
   * so the search starts where this one most likely went.
   */
  anchor(target: AnchorTarget, drift = 0): AnchorResult {
    const { quote } = target;
    if (quote.exact === '') return fail('the annotation quotes no text');
    const recorded = this.recordedSpan(target.position);
    if (recorded && this.quoteAt(quote, recorded.start, recorded.end) && this.contextAt(quote, recorded.start, recorded.end)) {
      return { ok: true, value: { ...recorded, method: 'position', score: 1 } };
    }
    const hint = target.position ? clamp(this.index.toUtf16(target.position.start) + drift, 0, this.text.length) : null;
    let found: Candidate | null;
    try {
      found = this.search(quote, hint);
    } catch (error) {
      if (!(error instanceof SearchBudgetSpent)) throw error;
      return fail(`"${shorten(quote.exact)}" is not where it was, and the search for it was stopped: searching this text for annotations that are not in it took too long`);
    }
    if (!found) {
      return fail(`"${shorten(quote.exact)}" was not found in the text, not even approximately`);
    }
    const method: AnchorMethod =
      found.quoteScore < 1 ? 'fuzzy' : recorded && found.start === recorded.start && found.end === recorded.end ? 'position' : 'quote';
    return { ok: true, value: { start: found.start, end: found.end, method, score: round(found.score) } };
  }

  private recordedSpan(position: AnchorTarget['position']): { start: number; end: number } | null {
    if (!position || position.end <= position.start || position.end > this.index.length) return null;
    return { start: this.index.toUtf16(position.start), end: this.index.toUtf16(position.end) };
  }

  private quoteAt(quote: TextQuote, start: number, end: number): boolean {
    return end - start === quote.exact.length && this.text.startsWith(quote.exact, start);
  }

  private contextAt(quote: TextQuote, start: number, end: number): boolean {
    return this.text.endsWith(quote.prefix, start) && this.text.startsWith(quote.suffix, end);
  }

  /**
   * Near the hint first: the exact quote with (nearly) all its context is taken at once; else the
   * better of the exact quote nearby and an approximate match right at the hint (the quote itself
   * was edited). Only when neither is good enough is the whole text searched, exactly, then not.
   */
  private search(quote: TextQuote, hint: number | null): Candidate | null {
    const length = quote.exact.length;
    if (hint !== null) {
      const exactNear = this.pick(quote, hint, this.exactMatches(quote, hint - NEAR, hint + length + NEAR));
      if (exactNear && exactNear.score >= CONFIDENT_SCORE) return exactNear;
      const slack = CLOSE + maxErrorsFor(quote);
      const fuzzyClose = this.pick(quote, hint, this.fuzzyMatches(quote, hint - slack, hint + length + slack));
      const best = !exactNear || (fuzzyClose && fuzzyClose.score > exactNear.score) ? fuzzyClose : exactNear;
      if (best) return best;
    }
    const exactAll = this.exactMatches(quote, 0, this.text.length);
    const exact = this.pick(quote, hint, exactAll, exactAll.length === 1);
    if (exact) return exact;
    if (hint !== null) {
      const fuzzyNear = this.pick(quote, hint, this.fuzzyMatches(quote, hint - NEAR, hint + length + NEAR));
      if (fuzzyNear) return fuzzyNear;
    }
    const fuzzyAll = this.fuzzyMatches(quote, 0, this.text.length);
    const starts = fuzzyAll.map((m) => m.start);
    const oneRegion = fuzzyAll.length > 0 && Math.max(...starts) - Math.min(...starts) <= length;
    return this.pick(quote, hint, fuzzyAll, oneRegion);
  }

  /** Occurrences of the exact quote starting in [from, to - quote length]. */
  private exactMatches(quote: TextQuote, from: number, to: number): Omit<Candidate, 'score'>[] {
    const found: Omit<Candidate, 'score'>[] = [];
    const { exact } = quote;
    const last = Math.min(to, this.text.length) - exact.length;
    for (let at = this.text.indexOf(exact, Math.max(0, from)); at !== -1 && at <= last; at = this.text.indexOf(exact, at + 1)) {
      if (isCodePointBoundary(this.text, at) && isCodePointBoundary(this.text, at + exact.length)) {
        this.#budget.takeCandidate();
        found.push({ start: at, end: at + exact.length, quoteScore: 1 });
      }
    }
    return found;
  }

  /**
   * The closest approximate matches of the quote in [from, to), up to a quarter of it edited, each
   * with its edges fitted to words as the quote's are (word-edges.ts; they may then reach outside).
   */
  private fuzzyMatches(quote: TextQuote, from: number, to: number): Omit<Candidate, 'score'>[] {
    const maxErrors = maxErrorsFor(quote);
    if (maxErrors === 0) return []; // for short quotes, fuzzy would only repeat the exact search
    const start = Math.max(0, from);
    const found = new Map<string, Omit<Candidate, 'score'>>();
    for (const match of this.#budget.approxSearch(this.text.slice(start, Math.min(this.text.length, to)), quote.exact, maxErrors)) {
      const span = { start: start + match.start, end: start + match.end };
      const fitted = fitToWordEdges(this.text, quote, span, maxErrors, this.#budget);
      if (fitted) found.set(`${fitted.start}:${fitted.end}`, { start: fitted.start, end: fitted.end, quoteScore: 1 - fitted.errors / quote.exact.length });
    }
    return [...found.values()];
  }

  /**
   * Scores the most promising candidates and returns the best if it is good enough: a score of
   * MIN_ANCHOR_SCORE, or a distinctive quote matched (almost) verbatim at its only place.
   * Candidates are first ranked by a cheap measure (how many characters of the context agree
   * right next to them, then closeness to the hint); only the leaders get the edit-distance score.
   */
  private pick(
    quote: TextQuote,
    hint: number | null,
    found: Omit<Candidate, 'score'>[],
    onlyPlace = false
  ): Candidate | null {
    const ranked = found
      .map((candidate) => ({
        candidate,
        agreement: this.contextAgreement(quote, candidate.start, candidate.end) + candidate.quoteScore,
        distance: hint === null ? 0 : Math.abs(candidate.start - hint)
      }))
      .sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
    const leader = ranked[0];
    if (leader && leader.agreement === 3) {
      // The quote and both sides of its context, nearest the hint: nothing can score higher.
      return { ...leader.candidate, score: this.score(quote, leader.candidate.start, leader.candidate.end, 1, hint) };
    }
    let best: Candidate | null = null;
    for (const { candidate } of ranked.slice(0, SCORED_CANDIDATES)) {
      const score = this.score(quote, candidate.start, candidate.end, candidate.quoteScore, hint);
      if (!best || score > best.score) best = { ...candidate, score };
    }
    if (!best) return null;
    const distinctive =
      onlyPlace && quote.exact.length >= DISTINCTIVE_QUOTE && best.quoteScore >= DISTINCTIVE_QUOTE_SCORE;
    const minimum = quote.exact.length < SHORT_QUOTE ? MIN_SHORT_QUOTE_SCORE : MIN_ANCHOR_SCORE;
    return best.score >= minimum || distinctive ? best : null;
  }

  /** 0..2: the share of the prefix that agrees going back from start, plus that of the suffix going on from end. */
  private contextAgreement(quote: TextQuote, start: number, end: number): number {
    const { prefix, suffix } = quote;
    let before = 0;
    while (before < prefix.length && this.text.charCodeAt(start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)) before += 1;
    let after = 0;
    while (after < suffix.length && this.text.charCodeAt(end + after) === suffix.charCodeAt(after)) after += 1;
    return (prefix.length ? before / prefix.length : 1) + (suffix.length ? after / suffix.length : 1);
  }

  private score(quote: TextQuote, start: number, end: number, quoteScore: number, hint: number | null): number {
    const before = this.text.slice(Math.max(0, start - quote.prefix.length), start);
    const after = this.text.slice(end, end + quote.suffix.length);
    const position = hint === null ? 1 : 1 - Math.abs(start - hint) / Math.max(1, this.text.length);
    return (
      (WEIGHT.quote * quoteScore +
        WEIGHT.prefix * similarity(quote.prefix, before, this.#budget) +
        WEIGHT.suffix * similarity(quote.suffix, after, this.#budget) +
        WEIGHT.position * position) /
      WEIGHT_TOTAL
    );
  }
}

/** 0..1: how closely `actual` contains `expected` (1 − edits / length); 1 when nothing was expected. */
function similarity(expected: string, actual: string, budget: SearchBudget): number {
  if (expected === '' || expected === actual) return 1;
  if (actual === '') return 0;
  return Math.max(0, 1 - substringDistance(expected, actual, budget) / expected.length);
}

/** Context strings longer than this use approx-string-match; shorter ones a plain table (cheaper for them). */
const SHORT_CONTEXT = 64;

/** The fewest edits that turn `pattern` into some substring of `text` (what approx-string-match reports). */
function substringDistance(pattern: string, text: string, budget: SearchBudget): number {
  if (pattern.length > SHORT_CONTEXT || text.length > SHORT_CONTEXT) {
    const [best] = budget.approxSearch(text, pattern, pattern.length);
    return best ? best.errors : pattern.length;
  }
  budget.take(pattern.length * text.length);
  // previous[j]: edits for the pattern so far against text ending at j; a match may start anywhere (row 0 is all zeros).
  let previous = ROWS[0].fill(0, 0, text.length + 1);
  let current = ROWS[1];
  for (let i = 1; i <= pattern.length; i += 1) {
    current[0] = i;
    const code = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j += 1) {
      const substitute = previous[j - 1]! + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = pattern.length;
  for (let j = 0; j <= text.length; j += 1) best = Math.min(best, previous[j]!);
  return best;
}

/** Scratch rows for substringDistance (short strings only), reused across calls. */
const ROWS = [new Int32Array(SHORT_CONTEXT + 1), new Int32Array(SHORT_CONTEXT + 1)] as const;

/**
 * Anchors many annotations in one text. They are taken in the order of their recorded positions,
 * and each search starts from where the previous annotation moved to (edits before a span shift
 * everything after it). Results come back in the order of `targets`.
 */
export function anchorAll(text: string, targets: readonly AnchorTarget[], searchBudget = SEARCH_BUDGET): AnchorResult[] {
  const anchorer = new Anchorer(text, searchBudget);
  const order = targets
    .map((target, i) => ({ target, i, at: target.position?.start ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at);
  const results: AnchorResult[] = new Array(targets.length);
  let drift = 0;
  for (const { target, i } of order) {
    const result = anchorer.anchor(target, drift);
    results[i] = result;
    if (result.ok && target.position) drift = result.value.start - anchorer.index.toUtf16(target.position.start);
  }
  return results;
}

/** Anchors one annotation in `text`. */
export function anchor(text: string, target: AnchorTarget): AnchorResult {
  return new Anchorer(text).anchor(target);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round = (score: number) => Math.round(score * 1000) / 1000;
function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : text;
}
