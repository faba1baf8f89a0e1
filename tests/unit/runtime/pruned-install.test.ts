/**
 * What ships runs without development tools: after `npm prune --omit=dev` (in a copy with
 * hard-linked node_modules, so this tree keeps them), the built CLI and browser mode still work.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** What an installed Factdesk holds: the manifest, the launchers and the build (no sources). */
const SHIPPED = ['package.json', 'package-lock.json', 'bin', 'scripts', 'out'];

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'factdesk-pruned-'));
  for (const entry of SHIPPED) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true, preserveTimestamps: true });
  expect(spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(copy, 'node_modules')]).status).toBe(0);
  // npm rewrites its hidden lockfile: a file of its own, not a link to this tree's.
  const hiddenLock = join(copy, 'node_modules', '.package-lock.json');
  unlinkSync(hiddenLock);
  copyFileSync(join(ROOT, 'node_modules', '.package-lock.json'), hiddenLock);
  const prune = spawnSync('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: copy,
    encoding: 'utf8'
  });
  expect(prune.status, prune.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('a pruned install (npm prune --omit=dev)', () => {
  it('has no development tools left', () => {
    for (const tool of ['tsx', 'electron-vite', 'vite', 'typescript', 'electron']) {
      expect(existsSync(join(copy, 'node_modules', tool)), tool).toBe(false);
    }
    expect(existsSync(join(copy, 'node_modules', 'better-sqlite3'))).toBe(true);
  });

  it('runs the CLI: import, list, show', () => {
    const data = join(copy, 'library');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(copy, 'bin', 'factdesk.mjs'), ...args, '--data', data], { cwd: copy, encoding: 'utf8' });
    const imported = run('import', join(ROOT, 'tests', 'fixtures', 'articles', 'sample-ap-2018.txt'));
    expect(imported.status, imported.stderr).toBe(0);
    const listed = run('list', '--json');
    expect(listed.status, listed.stderr).toBe(0);
    const [document] = JSON.parse(listed.stdout) as { id: string; title: string }[];
    const shown = run('show', document!.id, '--json');
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ document: { id: document!.id, title: document!.title } });
  });

  it('starts the browser mode and serves the page and the API', async () => {
    const server = spawn(process.execPath, [join(copy, 'scripts', 'web.mjs'), '--port', '0', '--no-open', '--data', join(copy, 'web-library')], {
      cwd: copy,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stderr = '';
    server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        createInterface({ input: server.stdout }).on('line', (line) => {
          const match = /^Factdesk ready at (\S+)$/.exec(line);
          if (match) resolve(new URL(match[1]!));
        });
        server.once('close', (code) => reject(new Error(`the server exited (${code}):\n${stderr}`)));
      });
      expect(stderr).not.toContain('Building');
      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
      const token = url.hash.replace('#token=', '');
      const answer = await fetch(new URL('/api/app.info', url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}'
      });
      expect(await answer.json()).toMatchObject({ ok: true, value: { mode: 'web' } });
    } finally {
      server.kill('SIGTERM');
    }
  });
});
