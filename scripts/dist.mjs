#!/usr/bin/env node
/**
 * `npm run dist`: installers for the machine it runs on, into dist/ (Linux AppImage and deb, macOS
 * dmg, Windows NSIS; electron-builder.json). Builds out/ when stale, builds better-sqlite3 for
 * Electron (scripts/prepare-electron-native.mjs) and ships it as the resource the packaged app loads
 * (src/main/electron/native-binding.ts). Needs the Electron binary and network access the first time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build.mjs';
import { prepareElectronNative } from './prepare-electron-native.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const buildFailure = await buildIfStale(ROOT);
if (buildFailure) fail(buildFailure);
const native = await prepareElectronNative({ root: ROOT });
if (!native.ok) fail(`better-sqlite3 for Electron: ${native.reason}`);

const electronVersion = readJson('node_modules/electron/package.json').version;
const config = {
  ...readJson('electron-builder.json'),
  extraResources: [
    { from: join('.cache', 'electron-native', electronVersion, 'better_sqlite3.node'), to: join('electron-native', 'better_sqlite3.node') },
  ],
};
const { build } = await import('electron-builder');
await build({ config, publish: 'never' });

function fail(reason) {
  process.stderr.write(`factdesk dist: ${reason}\n`);
  process.exit(1);
}
