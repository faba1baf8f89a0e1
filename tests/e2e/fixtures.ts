import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base, type TestInfo } from '@playwright/test';

export { expect } from '@playwright/test';

/** A browser-mode server started for one test, on a library of its own. */
export interface FactdeskApp {
  /** The URL the server printed, token included: open this in the page. */
  url: string;
  /** http://127.0.0.1:PORT */
  baseURL: string;
  token: string;
  dataDir: string;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const READY_LINE = /^Factdesk ready at ((http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+))$/;

interface RunningServer {
  child: ChildProcess;
  app: FactdeskApp;
  /** Everything the server wrote to stderr so far. */
  stderr: () => string;
}

function startServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--data', dataDir, '--no-open'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`scripts/web.mjs ${reason}\n--- server stdout ---\n${stdout}\n--- server stderr ---\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`printed no ready line within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const onError = (error: Error) => fail(`could not be started: ${error.message}`);
    // 'close' comes after the output streams are drained, so the error shows all of stderr.
    const onClose = (code: number | null, signal: string | null) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    child.once('error', onError);
    child.once('close', onClose);
    let ready = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready) return; // keep draining the pipe, stop collecting
      stdout += `${line}\n`;
      const match = READY_LINE.exec(line.trim());
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      child.off('error', onError);
      child.off('close', onClose);
      const [, url, baseURL, token] = match;
      resolve({ child, app: { url, baseURL, token, dataDir }, stderr: () => stderr });
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A fresh server on a temp library of its own for one test; stopped and removed afterwards. */
async function serveLibrary(use: (app: FactdeskApp) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'factdesk-e2e-'));
  try {
    const server = await startServer(dataDir);
    try {
      await use(server.app);
    } finally {
      await stopServer(server.child);
      if (testInfo.status !== testInfo.expectedStatus && server.stderr()) {
        await testInfo.attach('server-stderr', { body: server.stderr(), contentType: 'text/plain' });
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Its own time budget, so a slow start ends with the server's output, not a bare test timeout.
const SERVER_FIXTURE = { timeout: READY_TIMEOUT_MS + STOP_TIMEOUT_MS + 15_000 };

/** Calls the browser-mode HTTP API directly, as any local client would (the page is not involved); fails on an error answer. */
export async function callApi<T>(app: FactdeskApp, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${app.baseURL}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input)
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

export const test = base.extend<{ app: FactdeskApp; otherApp: FactdeskApp }>({
  // Playwright reads fixture dependencies from the destructuring pattern, so it must stay.
  // eslint-disable-next-line no-empty-pattern
  app: [async ({}, use, testInfo) => serveLibrary(use, testInfo), SERVER_FIXTURE],
  /** A second, separate library (a colleague's machine in an exchange of files); started only when a test asks for it. */
  // eslint-disable-next-line no-empty-pattern
  otherApp: [async ({}, use, testInfo) => serveLibrary(use, testInfo), SERVER_FIXTURE]
});
