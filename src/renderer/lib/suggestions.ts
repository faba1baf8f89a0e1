/** Entity suggestions as the text view shows them: open ones only, bucketed per block, in text order. */
import type { EntitySuggestion, SuggestionSource } from '../../shared/api/methods/assist';
import type { Block } from '../../shared/domain';
import { blockIndexAt } from './text/annotations';

interface Span {
  start: number;
  end: number;
}

/** The suggestions that overlap none of `spans` (mentions marked since they were computed). */
export function withoutOverlaps<T extends Span>(suggestions: T[], spans: Span[]): T[] {
  if (spans.length === 0) return suggestions;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // Furthest end among spans[0..i]: a span starting before s.end overlaps s when it ends after s.start.
  const reach: number[] = [];
  for (const [i, span] of sorted.entries()) reach.push(Math.max(span.end, i > 0 ? reach[i - 1] : -1));
  return suggestions.filter((s) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].start < s.end) low = mid + 1;
      else high = mid;
    }
    return low === 0 || reach[low - 1] <= s.start;
  });
}

const NONE: EntitySuggestion[] = [];

/**
 * The suggestions overlapping each block. A block whose suggestions did not change keeps its
 * previous array (and blocks without any share one empty array), so only those blocks render again.
 */
export function bucketSuggestions(blocks: Block[], suggestions: EntitySuggestion[], previous: EntitySuggestion[][]): EntitySuggestion[][] {
  const buckets: EntitySuggestion[][] = blocks.map(() => NONE);
  for (const s of suggestions) {
    for (let i = blockIndexAt(blocks, s.start); i < blocks.length && blocks[i].start < s.end; i++) {
      buckets[i] = buckets[i] === NONE ? [s] : [...buckets[i], s];
    }
  }
  return buckets.map((bucket, i) => {
    const before = previous[i];
    return before && before.length === bucket.length && before.every((s, j) => s === bucket[j]) ? before : bucket;
  });
}

/** How the library compares texts it rejected: "Trump" and " trump " are the same rejection. */
export const textKey = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

const SOURCE_NAMES: Record<SuggestionSource, string> = {
  library: 'your library',
  pattern: 'how news copy is written',
  compromise: 'compromise (English model)',
  wink: 'wink-nlp (English model)',
  'proper-noun': 'proper-noun run'
};

export const sourceName = (source: SuggestionSource) => SOURCE_NAMES[source];

export const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The tooltip of a suggestion in the text. */
export function suggestionTitle(s: EntitySuggestion, typeName: string): string {
  return `Suggested ${typeName}: ${s.reason} — from ${sourceName(s.source)}, confidence ${percent(s.confidence)}. Enter accepts, Backspace rejects.`;
}

/** What the text view needs to draw the suggestions: one list per block, and the selected one. */
export interface SuggestionMarks {
  byBlock: EntitySuggestion[][];
  selected: EntitySuggestion | null;
}
