/**
 * The window is being printed (Ctrl+P, the browser's Print, or print media): the article then draws every
 * section and every mark, not only those near the screen (ArticleText, LazyChunk).
 */
import { flushSync } from 'svelte';

class Printing {
  active = $state(false);

  constructor() {
    const print = matchMedia('print');
    // The page is laid out for print as soon as beforeprint returns: the whole article is drawn before that.
    addEventListener('beforeprint', () => {
      this.active = true;
      flushSync();
    });
    addEventListener('afterprint', () => (this.active = print.matches));
    print.addEventListener('change', () => (this.active = print.matches));
  }
}

export const printing = new Printing();
