/**
 * The page's one inline script: index.html runs it while the page is still parsing, so the window's
 * app.start request leaves before the entry script has even downloaded. It leaves the request's input
 * and its pending answer in `window.factdeskStart` for the entry script (startEarly) to take: the
 * desktop bridge's answer, or in browser mode the raw HTTP response. The build puts it into the page
 * and the page's policy allows it by its hash (src/main/electron/window.ts).
 */

/** Where the browser mode keeps the session's access key (the entry script also takes it out of the URL). */
export const TOKEN_KEY = 'factdesk.token';

/** The address of an opened document: the window's route (routes.ts) and this script read it alike. */
export const DOCUMENT_HASH = /^#\/documents\/([^/]+)$/;

export const START_SCRIPT = `(() => {
  const opened = ${DOCUMENT_HASH}.exec(location.hash);
  let input = {};
  if (opened) {
    // A malformed escape is kept as written, as the entry script's route does (routes.ts).
    try { input = { documentId: decodeURIComponent(opened[1]) }; } catch { input = { documentId: opened[1] }; }
  }
  const bridge = window.factdesk && window.factdesk.mode === 'electron' ? window.factdesk : null;
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || sessionStorage.getItem('${TOKEN_KEY}') || localStorage.getItem('${TOKEN_KEY}');
  const answer = bridge
    ? bridge.call('app.start', input)
    : token && fetch('/api/app.start', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(input) });
  if (answer) window.factdeskStart = { input, answer };
})();`;
