/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from node_modules/better-sqlite3/build
 * (the Node build that tests, the CLI and the browser mode use) and loaded through its
 * `nativeBinding` option. scripts/prepare-electron-native.mjs writes it to the same place.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';

export const BINDING_FILE = 'better_sqlite3.node';

export interface AppPaths {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder during development. */
  appPath: string;
  /** process.resourcesPath: where a packaged app keeps files outside its asar archive. */
  resourcesPath: string;
  /** process.versions.electron */
  electronVersion: string;
}

export function electronBindingPath(paths: AppPaths): string {
  return paths.isPackaged
    ? join(paths.resourcesPath, 'electron-native', BINDING_FILE)
    : join(paths.appPath, '.cache', 'electron-native', paths.electronVersion, BINDING_FILE);
}

export function findElectronBinding(paths: AppPaths): Result<string> {
  const path = electronBindingPath(paths);
  if (existsSync(path)) return ok(path);
  return fail(
    'not_found',
    paths.isPackaged
      ? `This installation is incomplete: ${path} is missing. Reinstall Factdesk.`
      : `The Electron build of better-sqlite3 is missing (${path}). ` +
          'Run "npm start" or "node scripts/prepare-electron-native.mjs" on a machine with network access.'
  );
}
