/**
 * The servers the render benchmark loads pages from: Factdesk's browser mode (scripts/web.mjs, its own
 * process, as a user starts it); a bare <pre> page of the same text; and the client-rendering floor
 * (a page that only fetches the text and shows it). The last two use the same web-server code (same
 * headers, same loopback HTTP), each from a folder holding only its page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createService, type Service } from '../../src/main/api/service';
import { openLibrary } from '../../src/main/store/open';
import { createWebServer } from '../../src/main/web/server';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A stale renderer is rebuilt before the server is ready, which can take minutes on a busy machine. */
const READY_TIMEOUT_MS = 300_000;
const READY_LINE = /^Factdesk ready at (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/;

export interface AppServer {
  origin: string;
  token: string;
  stop(): Promise<void>;
}

export function startAppServer(dataDir: string): Promise<AppServer> {
  const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--data', dataDir, '--no-open'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`scripts/web.mjs ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`printed no ready line within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
    let ready = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready) return;
      output += `${line}\n`;
      const match = READY_LINE.exec(line.trim());
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      resolve({ origin: match[1], token: match[2], stop: () => stopChild(child) });
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

export interface PageServer {
  origin: string;
  stop(): Promise<void>;
}

/** Serves `files` (index.html among them) from a folder of their own with Factdesk's web-server code. */
async function servePage(files: Record<string, string>, service: Service, token: string): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-page-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const server = await createWebServer({ service, staticDir: dir, token, port: 0 });
  return {
    origin: server.origin.replace(/\/$/, ''),
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const pageHtml = (title: string, head: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head>` +
  `<body>${body}</body></html>\n`;

const NO_API: Service = {
  call: () => Promise.resolve({ ok: false, error: { code: 'unknown_method', message: 'No API here.' } })
};

/** `text` in a bare <pre>, as the index page of a Factdesk web server whose API is never called. */
export function startPreServer(title: string, text: string): Promise<PageServer> {
  return servePage({ 'index.html': pageHtml(title, '', `<pre>${escapeHtml(text)}</pre>`) }, NO_API, 'unused');
}

/**
 * The least any page does that gets its text from the API after it has loaded: one small module asks
 * for `documents.text` (the method the document view asks first) and puts the text in a <pre>; no
 * framework, no other call, no styles. Served, with the same web-server code, by the library's own
 * API service opened in this process.
 */
export async function startClientFloorServer(dataDir: string, token: string): Promise<PageServer> {
  const script = `const id = decodeURIComponent(location.hash.replace(/^#\\/documents\\//, ''));
const response = await fetch('/api/documents.text', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('factdesk.token') },
  body: JSON.stringify({ id })
});
const result = await response.json();
if (!result.ok) throw new Error(result.error.message);
const main = document.createElement('main');
main.appendChild(document.createElement('article')).appendChild(document.createElement('pre')).textContent = result.value.document.text;
document.body.append(main);
`;
  const db = openLibrary(dataDir);
  const service = createService({ db, mode: 'cli', version: 'bench' });
  const files = { 'index.html': pageHtml('Client floor', '<script type="module" src="./floor.js"></script>', ''), 'floor.js': script };
  const server = await servePage(files, service, token).catch((error: unknown) => {
    db.close();
    throw error;
  });
  return {
    origin: server.origin,
    stop: async () => {
      await server.stop();
      db.close();
    }
  };
}
