/**
 * "Render only what is on screen" for long lists (an article's blocks, an outline's entries): the
 * list is cut into chunks, and one IntersectionObserver per scroll container tells each chunk when
 * it comes within `margin` of the visible area or leaves it again.
 */
export type ObserveNear = (element: Element, onchange: (near: boolean, height: number) => void) => () => void;

export class NearObserver {
  // A registry of observed elements, not state: nothing renders from it.
  readonly #watched = new Map<Element, (near: boolean, height: number) => void>();
  readonly #margin: string;
  #observer: IntersectionObserver | null = null;

  constructor(margin: string) {
    this.#margin = margin;
  }

  /** Starts reporting, relative to the scroll container `root` (null: the viewport); returns the stop function. */
  connect(root: Element | null): () => void {
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) this.#watched.get(entry.target)?.(entry.isIntersecting, entry.boundingClientRect.height);
      },
      { root, rootMargin: this.#margin }
    );
    for (const element of this.#watched.keys()) this.#observer.observe(element);
    return () => {
      this.#observer?.disconnect();
      this.#observer = null;
    };
  }

  readonly observe: ObserveNear = (element, onchange) => {
    this.#watched.set(element, onchange);
    this.#observer?.observe(element);
    return () => {
      this.#watched.delete(element);
      this.#observer?.unobserve(element);
    };
  };
}

/** The nearest ancestor of `element` that scrolls vertically (the root a NearObserver connects to). */
export function scrollContainerOf(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (/^(auto|scroll)$/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

/** `items` in runs of `size`: the chunks a long list is rendered in. */
export function chunksOf<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
