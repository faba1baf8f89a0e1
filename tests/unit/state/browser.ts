/**
 * The few browser objects the state classes use that Node lacks: the window's address (location,
 * history and their events), whether it is shown (focus, visibility), localStorage and FileReader,
 * built on Node's URL, EventTarget and Blob.
 */
import { vi } from 'vitest';

export interface Browser {
  /** The user goes to another address in this tab (Back, or a typed #hash): the window hears hashchange. */
  navigate(hash: string): void;
  /** The user comes back to this window from another one: it gets the focus. */
  focus(): void;
}

export function installBrowser(start = 'http://127.0.0.1/'): Browser {
  let url = new URL(start);
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const location = {
    get href() {
      return url.href;
    },
    get hash() {
      return url.hash;
    },
    get pathname() {
      return url.pathname;
    },
    get search() {
      return url.search;
    }
  };
  const history = {
    state: null as unknown,
    pushState(state: unknown, _title: string, next: string) {
      history.state = state;
      url = new URL(next, url);
    },
    replaceState(state: unknown, title: string, next: string) {
      history.pushState(state, title, next);
    }
  };
  const stored = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, String(value)),
    removeItem: (key: string) => void stored.delete(key)
  };
  class FileReader {
    result: string | null = null;
    error: Error | null = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    readAsDataURL(blob: Blob) {
      blob.arrayBuffer().then(
        (bytes) => {
          this.result = `data:${blob.type};base64,${Buffer.from(bytes).toString('base64')}`;
          this.onload?.();
        },
        (error: Error) => {
          this.error = error;
          this.onerror?.();
        }
      );
    }
  }
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('localStorage', localStorage);
  vi.stubGlobal('FileReader', FileReader);
  return {
    navigate(hash) {
      url = new URL(hash, url);
      window.dispatchEvent(new Event('hashchange'));
    },
    focus() {
      window.dispatchEvent(new Event('focus'));
    }
  };
}
