import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const electronPackage = join(projectRoot, 'node_modules', 'electron');
const mainEntry = join(projectRoot, 'out', 'main', 'index.js');

// Find the binary the way node_modules/electron/index.js does, but without require('electron'):
// that would try to download a missing binary.
const pathFile = join(electronPackage, 'path.txt');
const electronBinary = existsSync(pathFile)
  ? join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim())
  : undefined;
const missing = !electronBinary
  ? `${pathFile} does not exist`
  : !existsSync(electronBinary)
    ? `${electronBinary} does not exist`
    : undefined;
test.skip(missing !== undefined, `Electron binary not installed (offline machine): ${missing}`);

/** Starts the built app on a fresh library with extra command-line arguments (as the OS passes a file). */
async function launch(dataDir: string, extraArgs: string[] = []) {
  expect(existsSync(mainEntry), `${mainEntry} is missing: run npm run build first`).toBe(true);
  // Chromium refuses to start its sandbox as root (CI containers run as root).
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return electron.launch({
    executablePath: electronBinary,
    args: [...sandboxArgs, mainEntry, ...extraArgs],
    cwd: projectRoot,
    env: { ...process.env, FACTDESK_DATA: dataDir },
  });
}

test('the Electron app opens its window with the library', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'factdesk-electron-'));
  const app = await launch(dataDir);
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Factdesk');
    await expect(window.getByRole('button', { name: 'Import article' })).toBeVisible();
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a shared annotation file given on the command line (file association) opens in the preview', async () => {
  const work = await mkdtemp(join(tmpdir(), 'factdesk-electron-assoc-'));
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [join(projectRoot, 'bin', 'factdesk.mjs'), ...args, '--data', join(work, 'sender')], { encoding: 'utf8' });
  const [id] = cli('import', join(projectRoot, 'tests', 'fixtures', 'articles', 'article.md')).split('\t');
  const file = join(work, 'from sender.factdesk.json');
  cli('pack', id!, '-o', file);
  const app = await launch(join(work, 'receiver'), [file]);
  try {
    const window = await app.firstWindow();
    const preview = window.getByRole('dialog', { name: 'Open shared annotation file' });
    await expect(preview).toContainText('A new document');
    await expect(window.getByRole('heading', { name: 'No articles yet' })).toBeVisible(); // nothing written before the user says so
  } finally {
    await app.close();
    await rm(work, { recursive: true, force: true });
  }
});
