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

test('the Electron app opens its window with the library', async () => {
  expect(existsSync(mainEntry), `${mainEntry} is missing: run npm run build first`).toBe(true);

  const dataDir = await mkdtemp(join(tmpdir(), 'factdesk-electron-'));
  // Chromium refuses to start its sandbox as root (CI containers run as root).
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [...sandboxArgs, mainEntry],
    cwd: projectRoot,
    env: { ...process.env, FACTDESK_DATA: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Factdesk');
    await expect(window.getByRole('button', { name: 'Import article' })).toBeVisible();
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
