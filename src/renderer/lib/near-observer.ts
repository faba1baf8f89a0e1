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

  /** Starts reporting, relative to the scroll container `root`; returns the stop function. */
  connect(root: Element): () => void {
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
