/**
 * Paints find matches over the rendered article with the CSS Custom Highlight API: no element is
 * added to the text, so selection offsets and the annotation rendering stay as they are. Blocks
 * render and unrender as the article scrolls, so the painter repaints whenever the DOM changes.
 */
import { RenderedText } from './dom-ranges';
import type { TextMatch } from './find-matches';

export const MATCH_HIGHLIGHT = 'factdesk-find';
export const CURRENT_HIGHLIGHT = 'factdesk-find-current';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

export class FindPainter {
  readonly #root: Element;
  readonly #observer: MutationObserver;
  #matches: TextMatch[] = [];
  #current: TextMatch | null = null;
  #frame = 0;
  #observing = false;

  constructor(root: Element) {
    this.#root = root;
    this.#observer = new MutationObserver(() => this.#schedule());
  }

  show(matches: TextMatch[], current: TextMatch | null): void {
    this.#matches = matches;
    this.#current = current;
    if (matches.length && !this.#observing) {
      this.#observer.observe(this.#root, { childList: true, subtree: true });
      this.#observing = true;
    } else if (!matches.length && this.#observing) {
      this.#observer.disconnect();
      this.#observing = false;
    }
    this.#paint();
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer.disconnect();
    if (supported()) {
      CSS.highlights.delete(MATCH_HIGHLIGHT);
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#paint());
  }

  #paint(): void {
    if (!supported()) return;
    if (this.#matches.length === 0) {
      CSS.highlights.delete(MATCH_HIGHLIGHT);
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
      return;
    }
    const text = new RenderedText(this.#root);
    const ranges = this.#matches.map((m) => text.range(m.start, m.end)).filter((range) => range !== null);
    CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...ranges));
    const current = this.#current ? text.range(this.#current.start, this.#current.end) : null;
    if (current) {
      const highlight = new Highlight(current);
      highlight.priority = 1;
      CSS.highlights.set(CURRENT_HIGHLIGHT, highlight);
    } else CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }
}
