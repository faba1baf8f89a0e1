/**
 * The two servers the render benchmark loads pages from: Factdesk's browser mode (scripts/web.mjs,
 * its own process, as a user starts it) and a bare <pre> page of the same text, served by the same
 * web-server code (same headers, same loopback HTTP) from a folder holding only that page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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

export interface PreServer {
  origin: string;
  stop(): Promise<void>;
}

/** `text` in a bare <pre>, as the index page of a Factdesk web server whose API is never called. */
export async function startPreServer(title: string, text: string): Promise<PreServer> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-pre-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><pre>${escapeHtml(text)}</pre></body></html>\n`
  );
  const server = await createWebServer({
    service: { call: () => Promise.resolve({ ok: false, error: { code: 'unknown_method', message: 'No API here.' } }) },
    staticDir: dir,
    token: 'unused',
    port: 0
  });
  return {
    origin: server.origin.replace(/\/$/, ''),
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
