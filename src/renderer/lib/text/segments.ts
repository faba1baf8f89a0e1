import type { EntitySuggestion } from '../../../shared/api/methods/assist';
import type { Claim, Gap, Mention } from '../../../shared/domain';
import type { BlockAnnotations } from './annotations';

/** A run of text with one set of covering annotations: the unit the article is rendered in. */
export interface Segment {
  start: number;
  end: number;
  /** Covering mentions, outermost first. */
  mentions: Mention[];
  claims: Claim[];
  gap: Gap | null;
  /** The entity suggestion covering it (suggestions never overlap each other or a mention). */
  suggestion: EntitySuggestion | null;
}

const covers = (span: { start: number; end: number }, start: number, end: number) =>
  span.start <= start && span.end >= end;

/** Splits [start, end) at every annotation (and shown suggestion) boundary inside it. */
export function segmentText(
  start: number,
  end: number,
  annotations: BlockAnnotations,
  suggestions: EntitySuggestion[] = []
): Segment[] {
  const cuts = new Set([start, end]);
  for (const list of [annotations.mentions, annotations.claims, annotations.gaps, suggestions]) {
    for (const span of list) {
      if (span.start > start && span.start < end) cuts.add(span.start);
      if (span.end > start && span.end < end) cuts.add(span.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    segments.push({
      start: from,
      end: to,
      mentions: annotations.mentions
        .filter((m) => covers(m, from, to))
        .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start),
      claims: annotations.claims.filter((c) => covers(c, from, to)),
      gap: annotations.gaps.find((g) => covers(g, from, to)) ?? null,
      suggestion: suggestions.find((s) => covers(s, from, to)) ?? null
    });
  }
  return segments;
}
