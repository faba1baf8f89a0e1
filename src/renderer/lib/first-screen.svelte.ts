/**
 * The window's first screen comes first (an open document's text with its highlights, or the view
 * itself): what it does not need (other views' code, dialogs, the panes and details around the text)
 * waits until that screen has been painted and the page is idle.
 */
import { whenIdleAfterPaint } from './after-paint';

class FirstScreen {
  painted = $state(false);
  readonly #painted: Promise<void>;
  #resolve: () => void = () => {};
  #shown = false;

  constructor() {
    this.#painted = new Promise<void>((resolve) => (this.#resolve = resolve));
  }

  /**
   * Says the first screen has its content: the frame being drawn is the one waited for. Only the first
   * call counts; later views are not first screens.
   */
  shown(): void {
    if (this.#shown) return;
    this.#shown = true;
    whenIdleAfterPaint(() => {
      this.painted = true;
      this.#resolve();
    });
  }

  /** Loads a module once the first screen has been painted. */
  after<T>(load: () => Promise<T>): Promise<T> {
    return this.#painted.then(load);
  }
}

export const firstScreen = new FirstScreen();
