import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntitySuggestion } from '../../../src/shared/api/methods/assist';
import type { Claim, Gap, Mention } from '../../../src/shared/domain';
import { segmentText } from '../../../src/renderer/lib/text/segments';

type Span = { start: number; end: number };
const covers = (span: Span, start: number, end: number) => span.start <= start && span.end >= end;

/** The segments by their definition: each run between two boundaries, with every span covering all of it. */
function bySpec(start: number, end: number, lists: { mentions: Mention[]; claims: Claim[]; gaps: Gap[] }, suggestions: EntitySuggestion[]) {
  const cuts = new Set([start, end]);
  for (const span of [...lists.mentions, ...lists.claims, ...lists.gaps, ...suggestions]) {
    for (const at of [span.start, span.end]) if (at > start && at < end) cuts.add(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((from, i) => {
    const to = points[i + 1];
    return {
      start: from,
      end: to,
      mentions: lists.mentions.filter((m) => covers(m, from, to)).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start),
      claims: lists.claims.filter((c) => covers(c, from, to)),
      gap: lists.gaps.find((g) => covers(g, from, to)) ?? null,
      suggestion: suggestions.find((s) => covers(s, from, to)) ?? null
    };
  });
}

const span = fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([start, length]) => ({ start, end: start + length }));
const spans = <T>(make: (s: Span, i: number) => T) => fc.array(span, { maxLength: 25 }).map((list) => list.map(make));

describe('segmentText', () => {
  it('cuts a block at every boundary, each run with exactly the spans covering it, in their order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 40 }),
        spans((s, i) => ({ ...s, id: `m${i}` }) as Mention),
        spans((s, i) => ({ ...s, id: `c${i}` }) as Claim),
        spans((s) => s as Gap),
        spans((s, i) => ({ ...s, type: `t${i}` }) as EntitySuggestion),
        (start, length, mentions, claims, gaps, suggestions) => {
          const lists = { mentions, claims, gaps };
          expect(segmentText(start, start + length, lists, suggestions)).toEqual(bySpec(start, start + length, lists, suggestions));
        }
      ),
      { numRuns: 500 }
    );
  });

});
