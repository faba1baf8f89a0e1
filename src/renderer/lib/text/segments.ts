import type { EntitySuggestion } from '../../../shared/api/methods/assist';
import type { Claim, Gap } from '../../../shared/domain';
import type { BlockAnnotations, ShownMention } from './annotations';

/** A run of text with one set of covering annotations: the unit the article is rendered in. */
export interface Segment {
  start: number;
  end: number;
  /** Covering mentions, outermost first. */
  mentions: ShownMention[];
  claims: Claim[];
  gap: Gap | null;
  /** The entity suggestion covering it (suggestions never overlap each other or a mention). */
  suggestion: EntitySuggestion | null;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Walks a list of spans from left to right: `at(offset)` gives the spans that cover offset and go on
 * past it, in the list's own order. Each span is added once and dropped once, so a long block with
 * hundreds of mentions costs about as much per cut as the few spans over it.
 */
class Sweep<T extends Span> {
  readonly #list: T[];
  /** Indices into the list, by start. */
  readonly #byStart: number[];
  #next = 0;
  #active: number[] = [];

  constructor(list: T[]) {
    this.#list = list;
    this.#byStart = list.map((_, i) => i).sort((a, b) => list[a].start - list[b].start || a - b);
  }

  /** Offsets must come in increasing order. */
  at(offset: number): T[] {
    const list = this.#list;
    let added = false;
    while (this.#next < this.#byStart.length && list[this.#byStart[this.#next]].start <= offset) {
      this.#active.push(this.#byStart[this.#next++]);
      added = true;
    }
    this.#active = this.#active.filter((i) => list[i].end > offset);
    if (added) this.#active.sort((a, b) => a - b);
    return this.#active.map((i) => list[i]);
  }
}

/**
 * Splits [start, end) at every annotation (and shown suggestion) boundary inside it. Every boundary is
 * a cut, so a span that covers the start of a segment covers all of it.
 */
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
  const mentions = new Sweep(annotations.mentions);
  const claims = new Sweep(annotations.claims);
  const gaps = new Sweep(annotations.gaps);
  const shown = new Sweep(suggestions);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    segments.push({
      start: from,
      end: points[i + 1],
      mentions: mentions.at(from).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start),
      claims: claims.at(from),
      gap: gaps.at(from)[0] ?? null,
      suggestion: shown.at(from)[0] ?? null
    });
  }
  return segments;
}

/**
 * The segments drawn while the page is still starting: those before `offset`, and from the first
 * unannotated segment at or past it (no annotation crosses its start) the rest of the block as one plain
 * run. The text and its offsets stay whole; only the highlights past the first screen come later.
 */
export function segmentsUpTo(segments: Segment[], offset: number): Segment[] {
  const plain = segments.findIndex(
    (seg) => seg.start >= offset && !seg.mentions.length && !seg.claims.length && !seg.gap && !seg.suggestion
  );
  if (plain === -1 || plain === segments.length - 1) return segments;
  return [...segments.slice(0, plain), { ...segments[plain], end: segments[segments.length - 1].end }];
}
