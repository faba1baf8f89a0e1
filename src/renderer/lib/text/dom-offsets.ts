/**
 * DOM selection ↔ UTF-16 offsets into the document text. Every rendered segment carries its span
 * as data-s / data-e; decorations that are not article text (a restoration shown inside a gap
 * marker) carry data-skip.
 */
const SEGMENT = '[data-s]';

const startOf = (el: HTMLElement) => Number(el.dataset.s);
const endOf = (el: HTMLElement) => Number(el.dataset.e);

function firstSegment(node: Node): HTMLElement | null {
  if (!(node instanceof HTMLElement)) return null;
  return node.matches(SEGMENT) ? node : node.querySelector<HTMLElement>(SEGMENT);
}

function lastSegment(node: Node): HTMLElement | null {
  if (!(node instanceof HTMLElement)) return null;
  if (node.matches(SEGMENT)) return node;
  const all = node.querySelectorAll<HTMLElement>(SEGMENT);
  return all[all.length - 1] ?? null;
}

/** The offset of the position between parent's children index-1 and index. */
function offsetBetween(parent: Node, index: number, root: Node): number | null {
  const children = parent.childNodes;
  for (let i = index; i < children.length; i++) {
    const segment = firstSegment(children[i]);
    if (segment) return startOf(segment);
  }
  for (let i = Math.min(index, children.length) - 1; i >= 0; i--) {
    const segment = lastSegment(children[i]);
    if (segment) return endOf(segment);
  }
  // Nothing rendered in here (an empty block): look around it instead.
  const grand = parent.parentNode;
  if (!grand || parent === root) return null;
  return offsetBetween(grand, Array.prototype.indexOf.call(grand.childNodes, parent) as number, root);
}

/** The text offset of a DOM boundary point (a Range/Selection end) inside `root`. */
function offsetOfBoundary(node: Node, offset: number, root: Node): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const segment = element?.closest<HTMLElement>(SEGMENT);
  if (segment && root.contains(segment)) {
    if (element?.closest('[data-skip]')) return endOf(segment);
    if (node.nodeType === Node.TEXT_NODE) return Math.min(startOf(segment) + offset, endOf(segment));
    return offset === 0 ? startOf(segment) : endOf(segment);
  }
  if (node.nodeType === Node.TEXT_NODE) {
    // Text between segments (none is rendered, but be safe): the gap before or after it.
    const parent = node.parentNode;
    if (!parent) return null;
    const index = Array.prototype.indexOf.call(parent.childNodes, node) as number;
    return offsetBetween(parent, offset > 0 ? index + 1 : index, root);
  }
  return offsetBetween(node, offset, root);
}

/** The selected text's span, or null when the selection is collapsed or not inside `root`. */
export function selectedSpan(selection: Selection | null, root: HTMLElement): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOfBoundary(range.startContainer, range.startOffset, root);
  const end = offsetOfBoundary(range.endContainer, range.endOffset, root);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The rendered segment element that starts at `offset`, if its block is on screen. */
export function segmentStartingAt(root: HTMLElement, offset: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-s="${offset}"]`);
}

/** The text offsets of the selection's anchor and focus (either way round), or null when it is not inside `root`. */
export function selectionEnds(selection: Selection | null, root: HTMLElement): { anchor: number; focus: number } | null {
  const anchorNode = selection?.anchorNode;
  const focusNode = selection?.focusNode;
  if (!selection || !anchorNode || !focusNode || !root.contains(anchorNode) || !root.contains(focusNode)) return null;
  const anchor = offsetOfBoundary(anchorNode, selection.anchorOffset, root);
  const focus = offsetOfBoundary(focusNode, selection.focusOffset, root);
  return anchor === null || focus === null ? null : { anchor, focus };
}
