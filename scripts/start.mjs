#!/usr/bin/env node
/**
 * `npm start [-- --data DIR]`: the desktop app.
 *  1. builds out/ with electron-vite when it is missing or older than the sources (build.mjs);
 *  2. makes sure the Electron binary is there (downloaded on first start: the electron package
 *     has no install script, so `npm ci` works offline) and better-sqlite3 is built for Electron;
 *  3. launches Electron on this project, with `--` before the user's arguments (so Chromium takes
 *     none of them as its own switches).
 * Where Electron cannot run (no network for the first download, no display), it says why in one
 * line and starts the browser mode (scripts/web.mjs) on the same library with the same arguments.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIfStale } from './build.mjs';
import { electronNativeIsReady, prepareElectronNative, runNode } from './prepare-electron-native.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const BINARY_TIME_LIMIT = 180_000;

const args = process.argv.slice(2);

const buildFailure = await buildIfStale(ROOT);
if (buildFailure) {
  note(`factdesk: ${buildFailure}`);
  process.exit(1);
}

const electron = await electronOrReason();
if (electron.ok) {
  const env = { ...process.env };
  // Set by some tools; it would make the Electron binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  runInForeground(electron.binary, [ROOT, '--', ...args], env);
} else {
  const { resolveDataDir, isSharedFileArgument: isSharedFile } = await import(pathToFileURL(join(ROOT, 'out', 'main', 'web.js')).href);
  const dataDir = resolve(resolveDataDir(dataArgument()));
  note(`Electron is not available here (${electron.reason}); starting the browser mode instead — same library: ${dataDir}`);
  // A page cannot be handed a file from disk: shared files given on the command line (file association) are named instead.
  for (const file of args.filter(isSharedFile)) {
    note(`To open ${file}: drop it on the window, use "Open shared file…" in the library, or run: factdesk open "${file}"`);
  }
  runInForeground(process.execPath, [join(ROOT, 'scripts', 'web.mjs'), ...args.filter((arg) => !isSharedFile(arg))], process.env);
}

async function electronOrReason() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  }
  const binary = await ensureElectronBinary();
  if (!binary.ok) return binary;
  if (!electronNativeIsReady(ROOT)) {
    note('Preparing better-sqlite3 for Electron (first start)…');
    const native = await prepareElectronNative({ root: ROOT });
    if (!native.ok) return { ok: false, reason: `better-sqlite3 for Electron: ${native.reason}` };
  }
  return binary;
}

/** The binary the electron package would run (node_modules/electron/dist/<path.txt>), downloaded if missing. */
async function ensureElectronBinary() {
  const version = JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')).version;
  let binary = installedBinary();
  if (binary) return { ok: true, binary };
  note(`Downloading Electron ${version} (first start)…`);
  const run = await runNode([join(ELECTRON_DIR, 'install.js')], { cwd: ELECTRON_DIR, timeLimit: BINARY_TIME_LIMIT });
  binary = installedBinary();
  if (binary) return { ok: true, binary };
  if (run.timedOut) {
    return { ok: false, reason: `the Electron ${version} download did not finish within ${BINARY_TIME_LIMIT / 1000} s` };
  }
  const cause = run.output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '));
  const reason = `the Electron ${version} binary could not be downloaded: ${cause ?? `exit code ${run.code}`}`;
  return { ok: false, reason };
}

function installedBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Runs the app in its own process group and passes it the first stop signal exactly once:
 * `timeout` signals the whole group and npm forwards the same signal again, and a second one
 * would cut the app's orderly shutdown short. Exits with the app's exit code.
 */
function runInForeground(command, commandArgs, env) {
  const detached = process.platform !== 'win32';
  const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: 'inherit', detached });
  let forwarded = false;
  const forward = (signal) => {
    if (forwarded || child.exitCode !== null) return;
    forwarded = true;
    child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    note(`factdesk: cannot run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

/** `--data DIR`, as the app and the browser mode read it (they validate the rest). */
function dataArgument() {
  const options = { data: { type: 'string' } };
  const { values } = parseArgs({ args, options, strict: false, allowPositionals: true });
  return typeof values.data === 'string' ? values.data : undefined;
}

function note(line) {
  process.stderr.write(`${line}\n`);
}
