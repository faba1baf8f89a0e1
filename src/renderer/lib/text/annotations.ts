/** The annotations of an article as the text view sees them: ordered, bucketed per block, and picked by click. */
import type { Block, Claim, Gap, Mention } from '../../../shared/domain';

export type AnnotationRef =
  | { kind: 'mention'; id: string; start: number; end: number }
  | { kind: 'claim'; id: string; start: number; end: number }
  | { kind: 'gap'; start: number; end: number };

/**
 * A mention drawn the moment it is marked, while the library stores it. It has no id of the library's
 * yet, so nothing can select, edit, link or delete it; the stored mention takes its place.
 */
export interface SavingMention {
  /** Tells it apart from other drawn mentions only; never sent to the library. */
  id: string;
  start: number;
  end: number;
  type: string;
  entityId: string | null;
  masked: boolean;
  restoration: string | null;
  saving: true;
}

/** A mention as the article draws it: stored, or being saved. */
export type ShownMention = Mention | SavingMention;

export const isSaving = (mention: ShownMention): mention is SavingMention => 'saving' in mention;

/** What a block's text is split by. */
export interface BlockAnnotations {
  mentions: ShownMention[];
  claims: Claim[];
  gaps: Gap[];
}

export const refKey = (ref: Pick<AnnotationRef, 'kind' | 'start'> & { id?: string }): string =>
  ref.kind === 'gap' ? `gap:${ref.start}` : `${ref.kind}:${ref.id}`;

const KIND_RANK = { mention: 0, gap: 1, claim: 2 } as const;

/**
 * Every annotation in text order (outer before inner at the same start), for Tab navigation.
 * A gap that a masked mention already covers is that mention, not a second stop.
 */
export function textOrder(mentions: Mention[], claims: Claim[], gaps: Gap[]): AnnotationRef[] {
  const masked = new Set(mentions.filter((m) => m.masked).map((m) => `${m.start}:${m.end}`));
  const refs: AnnotationRef[] = [
    ...mentions.map((m) => ({ kind: 'mention' as const, id: m.id, start: m.start, end: m.end })),
    ...claims.map((c) => ({ kind: 'claim' as const, id: c.id, start: c.start, end: c.end })),
    ...gaps.filter((g) => !masked.has(`${g.start}:${g.end}`)).map((g) => ({ kind: 'gap' as const, ...g }))
  ];
  return refs.sort((a, b) => a.start - b.start || b.end - a.end || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

/** The annotation a click on [start, end) means: the innermost (shortest) stored one covering it. */
export function innermostAt(start: number, end: number, annotations: BlockAnnotations): AnnotationRef | null {
  const stored = annotations.mentions.filter((mention): mention is Mention => !isSaving(mention));
  const covering = textOrder(stored, annotations.claims, annotations.gaps).filter(
    (ref) => ref.start <= start && ref.end >= end
  );
  covering.sort((a, b) => a.end - a.start - (b.end - b.start) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  return covering[0] ?? null;
}

/** Blocks in text order; a document without blocks is one paragraph. */
export function textBlocks(blocks: Block[], textLength: number): Block[] {
  if (blocks.length === 0) return textLength > 0 ? [{ start: 0, end: textLength, kind: 'paragraph', index: 0 }] : [];
  return [...blocks].sort((a, b) => a.start - b.start);
}

/** Index of the block holding `offset` (or the next block after it); blocks.length when past the end. */
export function blockIndexAt(blocks: Block[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const sameItems = <T>(a: T[], b: T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * The annotations overlapping each block. A block whose annotations did not change keeps its
 * previous bucket object, so only the blocks an edit touched render again.
 */
export function bucketByBlock(
  blocks: Block[],
  annotations: BlockAnnotations,
  previous: BlockAnnotations[]
): BlockAnnotations[] {
  const buckets: BlockAnnotations[] = blocks.map(() => ({ mentions: [], claims: [], gaps: [] }));
  const inBlocks = (span: { start: number; end: number }, visit: (bucket: BlockAnnotations) => void) => {
    if (span.end <= span.start) return;
    for (let i = blockIndexAt(blocks, span.start); i < blocks.length && blocks[i].start < span.end; i++) visit(buckets[i]);
  };
  for (const mention of annotations.mentions) inBlocks(mention, (bucket) => bucket.mentions.push(mention));
  for (const claim of annotations.claims) inBlocks(claim, (bucket) => bucket.claims.push(claim));
  for (const gap of annotations.gaps) inBlocks(gap, (bucket) => bucket.gaps.push(gap));
  return buckets.map((bucket, i) => {
    const before = previous[i];
    const unchanged =
      before &&
      sameItems(before.mentions, bucket.mentions) &&
      sameItems(before.claims, bucket.claims) &&
      sameItems(before.gaps, bucket.gaps);
    return unchanged ? before : bucket;
  });
}

/** The annotations bucketByBlock was given, and the buckets it returned. */
export interface Bucketed extends BlockAnnotations {
  blocks: Block[];
  buckets: BlockAnnotations[];
}

/** The records of `next` that are not in `previous` and those of `previous` gone from `next` (by identity). */
function changedRecords<T extends object>(previous: T[], next: T[]): T[] {
  if (previous === next) return [];
  // An edit leaves the other records where they were: only the part between the common start and end is compared.
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start += 1;
  let endBefore = previous.length;
  let endAfter = next.length;
  while (endBefore > start && endAfter > start && previous[endBefore - 1] === next[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const removed = previous.slice(start, endBefore);
  const added = next.slice(start, endAfter);
  const before = new Set(removed);
  const after = new Set(added);
  return [...added.filter((record) => !before.has(record)), ...removed.filter((record) => !after.has(record))];
}

/**
 * bucketByBlock again, but after an edit (a record or two added, changed or removed, the rest the
 * same objects) only the buckets of the blocks those records touch are rebuilt: a long article has
 * thousands of blocks and annotations, and a label keystroke should not re-bucket them all.
 */
export function rebucket(previous: Bucketed | null, next: BlockAnnotations & { blocks: Block[] }): Bucketed {
  const { blocks } = next;
  if (!previous || previous.blocks !== blocks || previous.gaps !== next.gaps) {
    return { ...next, buckets: bucketByBlock(blocks, next, previous?.buckets ?? []) };
  }
  const touched = new Set<number>();
  for (const span of [...changedRecords(previous.mentions, next.mentions), ...changedRecords(previous.claims, next.claims)]) {
    for (let i = blockIndexAt(blocks, span.start); i < blocks.length && blocks[i].start < span.end; i++) touched.add(i);
  }
  const buckets = touched.size ? [...previous.buckets] : previous.buckets;
  for (const i of touched) {
    const block = blocks[i];
    const overlaps = (span: { start: number; end: number }) => span.end > span.start && span.start < block.end && span.end > block.start;
    buckets[i] = { mentions: next.mentions.filter(overlaps), claims: next.claims.filter(overlaps), gaps: previous.buckets[i].gaps };
  }
  return { ...next, buckets };
}

/**
 * The span to annotate for a selection: whitespace at the edges is not part of a name or claim,
 * except when the selection is exactly a masked-name gap. Null when nothing is left.
 */
export function trimToText(text: string, start: number, end: number, gaps: Gap[]): { start: number; end: number } | null {
  if (gaps.some((gap) => gap.start === start && gap.end === end)) return { start, end };
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}
