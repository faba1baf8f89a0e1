/**
 * The one build step of `npm start`, `npm run web` and the unit tests: `electron-vite build` into
 * out/ when an output is missing or older than any source. Folders count too, so a deleted source
 * also triggers a build. Nothing else runs a build tool: the CLI and the servers run out/.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What out/ must hold: the Electron main process, the CLI, the browser-mode server, the file-type registration, the workers, the service host, the preload, the page. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/main/web.js',
  'out/main/linux-file-type.js',
  'out/main/import-worker.js',
  'out/main/assist-worker.js',
  'out/main/exchange-worker.js',
  'out/main/service-thread.js',
  'out/main/service-process.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
export const BUILD_INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json'];

export function buildIsStale(root) {
  const outputs = BUILD_OUTPUTS.map((path) => join(root, path));
  if (!outputs.every((path) => existsSync(path))) return true;
  const builtAt = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > builtAt);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds when stale. Progress goes to stderr, so stdout keeps only what the app prints.
 * Resolves with null when out/ is up to date, else with why the build failed.
 */
export async function buildIfStale(root) {
  if (!buildIsStale(root)) return null;
  process.stderr.write('Building Factdesk…\n');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(cli)) return 'the sources are newer than the build in out/, and electron-vite (a development tool) is not installed';
  const build = spawn(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  return new Promise((done) => {
    build.on('error', (error) => done(`could not run electron-vite: ${error.message}`));
    build.on('close', (code, signal) => done(code === 0 ? null : `the build failed (${signal ?? `exit code ${code}`}, see above)`));
  });
}
