// The entry is kept small: it asks for the open document's text and annotations at once and draws
// its first screen when the text arrives (lib/early-text.ts); then the window's code loads and takes
// over (it takes the same answers: see `api` in lib/api-client.ts). The page runs this script as soon as
// it is loaded (async), so the page may still be parsing: what touches the page waits for it.
import { afterNextPaint } from './lib/after-paint';
import { callEarly } from './lib/api-client';
import { paintEarlyText } from './lib/early-text';
import { routeFromHash } from './lib/routes';

/** A text slower than this is not waited for: the window starts, and its document view shows the text. */
const EARLY_TEXT_WAIT_MS = 300;

const parsed =
  document.readyState === 'loading'
    ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();

let started = false;
const startWindow = () => {
  if (started) return;
  started = true;
  void Promise.all([parsed, import('./mount-app')]).then(([, { mountApp }]) => {
    const target = document.getElementById('app');
    if (!target) throw new Error('index.html has no #app element');
    mountApp(target);
  });
};

const route = routeFromHash(location.hash);
if (route.name === 'document') {
  const waited = setTimeout(startWindow, EARLY_TEXT_WAIT_MS);
  const text = callEarly('documents.text', { id: route.id });
  // Asked for second, so the server answers the text first; it travels while the window's code loads.
  void callEarly('documents.annotationColumns', { id: route.id });
  void Promise.all([text, parsed]).then(([text]) => {
    if (started) return;
    clearTimeout(waited);
    if (!text.ok) return startWindow(); // the document view reports it
    paintEarlyText(text.value.document);
    afterNextPaint(startWindow);
  });
} else {
  startWindow();
}
