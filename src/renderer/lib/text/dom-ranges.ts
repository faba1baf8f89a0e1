/**
 * Text offsets → DOM Ranges over the rendered article, for find highlights and for selecting a
 * sentence from a panel. Only blocks near the screen are rendered, so a span outside them has no
 * range (null). Every rendered segment carries its span as data-s / data-e; decorations that are
 * not article text (a restoration shown in a gap marker) carry data-skip.
 */
import { scrollContainerOf } from '../near-observer';

interface Leaf {
  element: HTMLElement;
  start: number;
  end: number;
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/** A snapshot of the rendered segments under `root`; take a new one after the article re-renders. */
export class RenderedText {
  readonly #leaves: Leaf[];

  constructor(root: Element) {
    // Innermost segments only: a segment with hidden-character runs holds segments of its own.
    this.#leaves = [...root.querySelectorAll<HTMLElement>('[data-s]')]
      .filter((element) => element.querySelector('[data-s]') === null)
      .map((element) => ({ element, start: Number(element.dataset.s), end: Number(element.dataset.e) }))
      .sort((a, b) => a.start - b.start);
  }

  /** The range of text[start, end), or null when part of it is not rendered. */
  range(start: number, end: number): Range | null {
    const from = this.point(start, false);
    const to = this.point(end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The segment element holding `offset`, if rendered. */
  elementAt(offset: number): HTMLElement | null {
    return this.#leafAt(offset, false)?.element ?? null;
  }

  /** The leaf holding offset: as a start, offset is inside it; as an end, offset may be its end. */
  #leafAt(offset: number, isEnd: boolean): Leaf | null {
    const leaves = this.#leaves;
    let low = 0;
    let high = leaves.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const past = isEnd ? leaves[mid].end < offset : leaves[mid].end <= offset;
      if (past) low = mid + 1;
      else high = mid;
    }
    const leaf = leaves[low];
    if (!leaf) return null;
    return (isEnd ? leaf.start < offset : leaf.start <= offset) ? leaf : null;
  }

  /** The DOM position of `offset`; as an end it may close the segment before it rather than open the next. */
  point(offset: number, isEnd: boolean): { node: Text; offset: number } | null {
    const leaf = this.#leafAt(offset, isEnd);
    if (!leaf) return null;
    let remaining = offset - leaf.start;
    const walker = document.createTreeWalker(leaf.element, SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('[data-skip]')) continue;
      const length = node.data.length;
      if (isEnd ? remaining <= length : remaining < length) return { node, offset: remaining };
      remaining -= length;
      last = node;
    }
    return last && isEnd ? { node: last, offset: last.data.length } : null;
  }
}

/**
 * Selects the text from offset `anchor` to offset `focus` (either way round, or a caret when they are
 * equal) in the article, as if the user had dragged from one to the other; false when it is not rendered.
 */
export function selectRendered(root: Element, anchor: number, focus: number): boolean {
  const rendered = new RenderedText(root);
  const forward = anchor <= focus;
  const from = rendered.point(anchor, !forward);
  const to = rendered.point(focus, forward && focus !== anchor);
  const selection = getSelection();
  if (!from || !to || !selection) return false;
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  return true;
}

/**
 * Brings text[start, end) on screen, centred in its scroll container, when it is not already well
 * inside it; false while it is not rendered.
 */
export function scrollRenderedIntoView(root: Element, start: number, end: number): boolean {
  const range = new RenderedText(root).range(start, end);
  const container = range ? scrollContainerOf(range.startContainer.parentElement ?? root) : null;
  if (!range || !container) return false;
  const box = range.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  if (box.top < view.top + 24 || box.bottom > view.bottom - 24) {
    container.scrollTop += box.top - (view.top + Math.max(view.height / 2 - box.height / 2, 24));
  }
  return true;
}
