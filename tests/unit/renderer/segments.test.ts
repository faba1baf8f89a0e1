import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntitySuggestion } from '../../../src/shared/api/methods/assist';
import type { Claim, Gap, Mention } from '../../../src/shared/domain';
import { segmentText, segmentsUpTo } from '../../../src/renderer/lib/text/segments';

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

describe('segmentsUpTo', () => {
  const plain = (seg: { mentions: unknown[]; claims: unknown[]; gap: unknown; suggestion: unknown }) =>
    !seg.mentions.length && !seg.claims.length && !seg.gap && !seg.suggestion;

  it('keeps the segments before the offset and joins the rest into one plain run that starts where no annotation crosses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 90 }),
        spans((s, i) => ({ ...s, id: `m${i}` }) as Mention),
        spans((s, i) => ({ ...s, id: `c${i}` }) as Claim),
        (length, offset, mentions, claims) => {
          const all = segmentText(0, length, { mentions, claims, gaps: [] });
          const drawn = segmentsUpTo(all, offset);
          // The same text, whole and in order.
          expect(drawn[0].start).toBe(0);
          expect(drawn.at(-1)?.end).toBe(length);
          drawn.slice(1).forEach((seg, i) => expect(seg.start).toBe(drawn[i].end));
          // Every segment but a joined last one is the one segmentText gave.
          expect(drawn.slice(0, -1)).toEqual(all.slice(0, drawn.length - 1));
          const last = drawn.at(-1)!;
          if (drawn.length < all.length) {
            expect(plain(last)).toBe(true);
            expect(last.start).toBeGreaterThanOrEqual(offset);
            // No mention or claim crosses the start of the plain run.
            for (const span of [...mentions, ...claims]) expect(span.start < last.start && span.end > last.start).toBe(false);
            // The segments left out are the first ones at or past the offset that hold annotations.
            expect(all.slice(0, drawn.length - 1).every((seg) => seg.start < offset || !plain(seg))).toBe(true);
          } else {
            expect(drawn).toEqual(all);
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  it('draws a long paragraph\'s annotations up to the offset and leaves the rest as text', () => {
    const mentions = [0, 100, 200, 300].map((start, i) => ({ start, end: start + 10, id: `m${i}` }) as Mention);
    const drawn = segmentsUpTo(segmentText(0, 400, { mentions, claims: [], gaps: [] }), 100);
    expect(drawn.map((seg) => [seg.start, seg.end, seg.mentions.map((m) => m.id)])).toEqual([
      [0, 10, ['m0']],
      [10, 100, []],
      [100, 110, ['m1']],
      [110, 400, []]
    ]);
  });
});
