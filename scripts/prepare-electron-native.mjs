#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<electron version>/,
 * never touching node_modules/better-sqlite3/build (the Node build that tests, the CLI and the
 * browser mode load). src/main/electron/native-binding.ts loads it from there.
 *
 * A copy of the package in a temp folder gets, in order: a prebuilt binary (prebuild-install),
 * else a node-gyp build against Electron's headers. Needs the network the first time; offline it
 * exits 1 with one line naming the reason (the tools' full output goes to prepare.log).
 *
 *   node scripts/prepare-electron-native.mjs [--force]
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BINDING_FILE = 'better_sqlite3.node';
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

const NPM_NODE_GYP = join('node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');

const MINUTE = 60_000;
const PREBUILT_TIME_LIMIT = 2 * MINUTE;
const HEADERS_TIME_LIMIT = 3 * MINUTE;
const COMPILE_TIME_LIMIT = 20 * MINUTE;

/** What the build is for: the installed electron and better-sqlite3 packages. */
export function electronNativeTarget(root = PROJECT_ROOT) {
  const electronDir = join(root, 'node_modules', 'electron');
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
  const electronVersion = readJson(join(electronDir, 'package.json')).version;
  const dir = join(root, '.cache', 'electron-native', electronVersion);
  return {
    electronVersion,
    electronAbi: readFileSync(join(electronDir, 'abi_version'), 'utf8').trim(),
    sqliteDir,
    sqliteVersion: readJson(join(sqliteDir, 'package.json')).version,
    dir,
    // Same place as electronBindingPath() in src/main/electron/native-binding.ts.
    binding: join(dir, BINDING_FILE),
    stamp: join(dir, 'build-info.json'),
    log: join(dir, 'prepare.log')
  };
}

/**
 * Makes sure the Electron build exists and matches the installed better-sqlite3 and Electron.
 * Resolves { ok: true, path, built } or { ok: false, reason } (one line); never throws.
 */
export async function prepareElectronNative({ root = PROJECT_ROOT, force = false } = {}) {
  let target;
  try {
    target = electronNativeTarget(root);
  } catch (error) {
    const reason = `electron or better-sqlite3 is not installed (${firstLine(error.message)}); run npm ci`;
    return { ok: false, reason };
  }
  if (!force && isReady(target)) return { ok: true, path: target.binding, built: false };

  mkdirSync(target.dir, { recursive: true });
  const { electronVersion, electronAbi, sqliteVersion } = target;
  writeFileSync(target.log, `Electron ${electronVersion} (ABI ${electronAbi}), better-sqlite3 ${sqliteVersion}\n`);
  const work = mkdtempSync(join(tmpdir(), 'factdesk-electron-native-'));
  try {
    const packageCopy = join(work, 'better-sqlite3');
    // The copy leaves out build/: nothing of the Node build can leak into the result, nor be overwritten.
    cpSync(target.sqliteDir, packageCopy, {
      recursive: true,
      filter: (path) => {
        const inside = relative(target.sqliteDir, path);
        return inside !== 'build' && !inside.startsWith(`build${sep}`);
      }
    });
    const built = join(packageCopy, 'build', 'Release', BINDING_FILE);
    const env = buildEnvironment();

    const prebuiltProblem = (await fetchPrebuilt(packageCopy, target, env)) ?? checkAbi(built, electronAbi);
    if (prebuiltProblem) {
      rmSync(join(packageCopy, 'build'), { recursive: true, force: true });
      const compileProblem = (await compile(packageCopy, target, env, work)) ?? checkAbi(built, electronAbi);
      if (compileProblem) {
        const reason = `no usable prebuilt binary (${prebuiltProblem}); ${compileProblem} — details in ${target.log}`;
        return { ok: false, reason };
      }
    }

    // Copy then rename, so an interrupted run never leaves a half-written binding behind.
    copyFileSync(built, `${target.binding}.partial`);
    renameSync(`${target.binding}.partial`, target.binding);
    writeFileSync(target.stamp, `${JSON.stringify(stampOf(target), null, 2)}\n`);
    return { ok: true, path: target.binding, built: true };
  } catch (error) {
    return { ok: false, reason: `${firstLine(error.message)} — details in ${target.log}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when the build is there and made for the installed electron and better-sqlite3 (cheap: runs no tool). */
export function electronNativeIsReady(root = PROJECT_ROOT) {
  try {
    return isReady(electronNativeTarget(root));
  } catch {
    return false;
  }
}

function isReady(target) {
  if (!existsSync(target.binding) || !existsSync(target.stamp)) return false;
  try {
    return (
      JSON.stringify(readJson(target.stamp)) === JSON.stringify(stampOf(target)) &&
      checkAbi(target.binding, target.electronAbi) === null
    );
  } catch {
    return false;
  }
}

function stampOf(target) {
  return {
    electron: target.electronVersion,
    abi: target.electronAbi,
    betterSqlite3: target.sqliteVersion,
    platform: process.platform,
    arch: process.arch
  };
}

/**
 * Reads the ABI a native module was compiled for from its registration symbol
 * (node_register_module_v<NODE_MODULE_VERSION>), without loading it.
 * Returns null when it is Electron's, else the reason it is not.
 */
export function checkAbi(file, electronAbi) {
  if (!existsSync(file)) return `the build produced no ${BINDING_FILE}`;
  const found = readFileSync(file).toString('latin1').match(/node_register_module_v(\d+)/);
  if (!found) return `${file} carries no NODE_MODULE_VERSION`;
  const abi = found[1];
  if (abi === electronAbi) return null;
  if (abi === process.versions.modules) {
    return (
      `the result is a Node.js build (NODE_MODULE_VERSION ${abi}), not Electron's (${electronAbi}): ` +
      "node-gyp used Node's headers"
    );
  }
  return `the result has NODE_MODULE_VERSION ${abi}, Electron needs ${electronAbi}`;
}

/**
 * The tools' environment. npm exports every .npmrc setting as npm_config_*; a `nodedir`
 * (this machine's ~/.npmrc sets nodedir=/usr) makes node-gyp compile against Node's headers
 * whatever --target says, silently producing a Node module. So it goes, in every spelling.
 */
function buildEnvironment() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_(config|package_config_node_gyp)_nodedir$/i.test(name)) delete env[name];
  }
  return env;
}

/** Resolves null on success, else a short reason. */
async function fetchPrebuilt(cwd, target, env) {
  let bin;
  try {
    bin = createRequire(join(target.sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return 'prebuild-install is not installed';
  }
  const args = [bin, '--runtime', 'electron', '--target', target.electronVersion, '--verbose'];
  const run = await runTool('prebuild-install', args, { cwd, env, timeLimit: PREBUILT_TIME_LIMIT, log: target.log });
  return run.ok ? null : run.reason;
}

/** node-gyp against Electron's headers: headers first (network), then the compile. Null on success. */
async function compile(cwd, target, env, work) {
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) return 'node-gyp not found (it ships with npm)';
  // No --nodedir, on purpose: --target + --dist-url select Electron's headers.
  const common = [
    `--target=${target.electronVersion}`,
    '--runtime=electron',
    `--arch=${process.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    `--devdir=${join(work, 'node-gyp-headers')}`
  ];
  const headers = await runTool('node-gyp install', [nodeGyp, 'install', ...common], {
    cwd, env, timeLimit: HEADERS_TIME_LIMIT, log: target.log
  });
  const source = `Electron ${target.electronVersion} headers from ${ELECTRON_HEADERS_URL}`;
  if (!headers.ok) return `node-gyp could not get the ${source} (${headers.reason})`;
  const build = await runTool('node-gyp rebuild', [nodeGyp, 'rebuild', '--release', '--jobs=max', ...common], {
    cwd, env, timeLimit: COMPILE_TIME_LIMIT, log: target.log
  });
  return build.ok ? null : `node-gyp could not compile better-sqlite3 (${build.reason})`;
}

function findNodeGyp() {
  const candidates = [
    // Set by npm for the scripts it runs (`npm start`).
    process.env.npm_config_node_gyp,
    // npm's bundled copy: <prefix>/lib/node_modules/npm (POSIX) or <prefix>/node_modules/npm (Windows).
    join(dirname(process.execPath), '..', 'lib', NPM_NODE_GYP),
    join(dirname(process.execPath), NPM_NODE_GYP)
  ];
  return candidates.find((path) => path && path.endsWith('.js') && existsSync(path)) ?? null;
}

/**
 * Runs `node <args>` with output captured (and appended to `log` when given), killed with its
 * children after timeLimit ms. Resolves { ok, code, signal, timedOut, output }; never rejects.
 */
export function runNode(args, { cwd, env = process.env, timeLimit, log }) {
  if (log) appendFileSync(log, `\n$ node ${args.join(' ')}\n`);
  return new Promise((done) => {
    const detached = process.platform !== 'win32';
    const child = spawn(process.execPath, args, { cwd, env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (log) appendFileSync(log, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeLimit);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ ok: false, code: null, signal: null, timedOut, output: `${output}\nError: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ ok: code === 0 && !timedOut, code, signal, timedOut, output });
    });
  });
}

/** runNode for a build tool: resolves { ok } or { ok: false, reason } with its most telling error line. */
async function runTool(name, args, options) {
  const run = await runNode(args, options);
  if (run.ok) return { ok: true };
  if (run.timedOut) return { ok: false, reason: `${name} timed out after ${Math.round(options.timeLimit / 1000)} s` };
  return { ok: false, reason: errorLine(run.output) ?? `${name} failed (${run.signal ?? `exit code ${run.code}`})` };
}

function killTree(child) {
  try {
    // Detached: the child leads its own process group, which includes make and the compilers.
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
    else child.kill();
  } catch {
    child.kill();
  }
}

/** The line of a tool's output that says what went wrong, without the tool's prefix. */
function errorLine(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const network = lines.find((line) =>
    /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|certificate/i.test(line)
  );
  if (network) return withoutPrefix(network);
  // node-gyp hides the cause of a failed download behind this sentence.
  if (/network connectivity/i.test(output)) return 'network unreachable';
  const error =
    lines.find((line) => /error:/i.test(line) && !/^gyp ERR! stack\s+at /.test(line)) ??
    lines.findLast((line) => /\b(warn|ERR!)\b/.test(line));
  return error ? withoutPrefix(error) : null;
}

function withoutPrefix(line) {
  return line.replace(/^(gyp ERR! (stack )?|prebuild-install (warn|info|ERR!) (install )?)/, '').slice(0, 200);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function firstLine(text) {
  return String(text).split('\n')[0];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await prepareElectronNative({ force: process.argv.includes('--force') });
  if (result.ok) {
    console.log(`Electron build of better-sqlite3 ${result.built ? 'built' : 'already present'}: ${result.path}`);
  } else {
    console.error(`Cannot prepare better-sqlite3 for Electron: ${result.reason}`);
    process.exitCode = 1;
  }
}
