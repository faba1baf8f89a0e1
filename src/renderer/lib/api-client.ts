/**
 * The renderer's only way to the data: picks the transport once. In Electron the preload exposes
 * `window.factdesk`; in browser mode the same contract is reached over HTTP (`POST /api/<method>`)
 * with the session's bearer token, which arrives once in the URL (`#token=…`).
 */
import { ACTING_USER_HEADER } from '../../shared/api/acting-user';
import { createClient, type ApiClient, type Transport } from '../../shared/api/client';
import type { MethodName } from '../../shared/api/contract';
import type { AppEvent } from '../../shared/api/preload-bridge';
import { startCalls } from '../../shared/api/start-calls';
import { TOKEN_KEY } from '../../shared/api/start-script';
import type { AppError, Result } from '../../shared/result';
import { desktopBridge } from './desktop-bridge';

/**
 * Takes `#token=…` out of the visible URL (so it is not bookmarked, shared or shown) and keeps it
 * in sessionStorage, so a reload of this tab keeps working, and in localStorage, so a document
 * opened in a new tab of the same server (its own origin: the port changes with each start) works too.
 */
function takeToken(): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    localStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
}

const failure = (code: 'internal', message: string): Result<never> => ({
  ok: false,
  error: { code, message }
});

/** Why the server does not let this tab in (browser mode), once it said so: the window is then locked. */
let lockedBy: AppError | null = null;
const lockListeners = new Set<(error: AppError) => void>();

function refused(message: string): Result<never> {
  const error: AppError = { code: 'unauthorized', message };
  if (!lockedBy) {
    lockedBy = error;
    for (const listener of lockListeners) listener(error);
  }
  return { ok: false, error };
}

/** Calls `listener` once this tab's access is refused (at once if it already was). */
export function onLocked(listener: (error: AppError) => void): () => void {
  if (lockedBy) listener(lockedBy);
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** The result an HTTP response to `method` carries, or why there is none. */
async function answerOf(method: MethodName, sent: Promise<Response>): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await sent;
  } catch (error) {
    return failure('internal', `Cannot reach the Factdesk server (${error instanceof Error ? error.message : String(error)}).`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('internal', `The Factdesk server answered ${method} with HTTP ${response.status} and no readable result.`);
  }
  if (response.status === 401) {
    return refused('This tab’s access key is no longer valid: Factdesk was restarted since it was opened.');
  }
  return body as Result<unknown>;
}

/** The most a request sent as the page goes may carry: browsers allow 64 KiB in flight for all of them. */
const KEEPALIVE_BYTES = 60_000;
/** The page is being closed or reloaded: set before the views hear pagehide (this module is loaded first). */
let leaving = false;

function httpTransport(token: string | null): Transport {
  addEventListener('pagehide', () => (leaving = true));
  addEventListener('pageshow', () => (leaving = false));
  return async (method, input, actingUser) => {
    if (!token) {
      return refused('This tab was opened without its access key.');
    }
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    if (actingUser !== undefined) headers[ACTING_USER_HEADER] = encodeURIComponent(actingUser);
    const body = JSON.stringify(input ?? {});
    const sent = fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers,
      body,
      // A call made as the page goes (a field saving what was typed) still reaches the library.
      keepalive: (leaving || document.visibilityState === 'hidden') && new TextEncoder().encode(body).length < KEEPALIVE_BYTES
    });
    return answerOf(method, sent);
  };
}

const bridge = desktopBridge();

// A new address opened in this tab changes only the fragment, which does not reload the page: it is
// reloaded here, so every view starts again with the new token.
if (!bridge) {
  window.addEventListener('hashchange', () => {
    if (!new URLSearchParams(location.hash.slice(1)).has('token')) return;
    takeToken();
    location.reload();
  });
}

const transport: Transport = bridge ? (method, input, actingUser) => bridge.call(method, input, actingUser) : httpTransport(takeToken());

/** Answers to calls made before the views' code has loaded (main.ts), each waiting for its one taker. */
const early = new Map<string, Promise<Result<unknown>>>();
const earlyKey = (method: MethodName, input: unknown) => `${method} ${JSON.stringify(input)}`;

/**
 * Asks for everything the window starts with (startCalls) in one request, or takes the one the page's
 * inline script sent while it parsed, so the answers travel while the rest of the window's code loads;
 * each is then the answer to that call's first asking. A part that did not come (the request failed)
 * is asked for on its own.
 */
export function startEarly(documentId?: string): void {
  const calls = startCalls(documentId);
  const input = documentId === undefined ? {} : { documentId };
  const answered = (takeStartScriptAnswer(input) ?? transport('app.start', input)) as Promise<Result<Result<unknown>[]>>;
  calls.forEach(([method, partInput], i) => {
    const part = answered.then((start) => (start.ok && start.value.length === calls.length ? start.value[i] : transport(method, partInput)));
    early.set(earlyKey(method, partInput), part);
  });
}

declare global {
  interface Window {
    /** What the page's inline script (START_SCRIPT) sent app.start with, and its pending answer. */
    factdeskStart?: { input: unknown; answer: Promise<Result<unknown> | Response> };
  }
}

/** The answer to the app.start the page's inline script sent, if it sent the same one (taken once). */
function takeStartScriptAnswer(input: object): Promise<Result<unknown>> | undefined {
  const sent = window.factdeskStart;
  delete window.factdeskStart;
  if (!sent || JSON.stringify(sent.input) !== JSON.stringify(input)) return undefined;
  return bridge ? (sent.answer as Promise<Result<unknown>>) : answerOf('app.start', sent.answer as Promise<Response>);
}

/** The window's client: the answer to the same call sent early by startEarly (taken once), or else a new call. */
export const api: ApiClient = createClient((method, input, actingUser) => {
  const key = earlyKey(method, input);
  const sent = early.get(key);
  early.delete(key);
  return sent ?? transport(method, input, actingUser);
});

/** Main-process notifications (menus, native dialogs); browser mode has none. */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return bridge ? bridge.onEvent(listener) : () => {};
}
