/**
 * The work a run of anchoring may spend searching. Annotations come from files other people send,
 * and what a search costs grows with the text, the quote and how many different characters the
 * quote holds: quotes that occur nowhere, everywhere, or that are long and made of thousands of
 * different characters could keep a merge busy for minutes or hours. Work is counted in units of
 * roughly one step of a search's inner loop, asked for before a search runs, so a search too costly
 * for what is left never starts.
 */
import approxSearch, { type Match } from 'approx-string-match';

/** Thrown instead of starting a search that would cost more than is left. */
export class SearchBudgetSpent extends Error {
  constructor() {
    super('the search budget is spent');
  }
}

/** approx-string-match works on 32 characters of the pattern at a time. */
const WORD = 32;
/** Taking one exact occurrence as a candidate: checking it, then comparing its context and ranking it. */
const CANDIDATE_UNITS = 64;

export class SearchBudget {
  #left: number;

  constructor(units: number) {
    this.#left = units;
  }

  /** Takes `units`, or throws SearchBudgetSpent (taking nothing) when fewer are left. */
  take(units: number): void {
    if (units > this.#left) throw new SearchBudgetSpent();
    this.#left -= units;
  }

  /** An exact occurrence found: it is checked, ranked and may be scored. */
  takeCandidate(): void {
    this.take(CANDIDATE_UNITS);
  }

  /**
   * approx-string-match's search, paid for first: a table of the pattern for each different
   * character in it, one pass over the text (only the blocks of the pattern that can hold
   * `maxErrors` are computed), and one pass back over the pattern's length from each match found.
   */
  approxSearch(text: string, pattern: string, maxErrors: number): Match[] {
    const errors = Math.min(maxErrors, pattern.length);
    const table = distinctUnits(pattern) * pattern.length;
    const blocks = Math.min(Math.ceil(pattern.length / WORD), Math.ceil(errors / WORD) + 1);
    this.take(table + text.length * blocks);
    const matches = approxSearch(text, pattern, maxErrors);
    // The passes back, already run: what they cost is taken from what is left, down to nothing.
    this.#left = Math.max(0, this.#left - matches.length * (table + (pattern.length + errors) * blocks));
    return matches;
  }
}

/** How many different UTF-16 units `text` holds (approx-string-match builds a table for each). */
function distinctUnits(text: string): number {
  const seen = new Set<number>();
  for (let i = 0; i < text.length; i += 1) seen.add(text.charCodeAt(i));
  return seen.size;
}
