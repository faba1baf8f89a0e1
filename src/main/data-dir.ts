import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The library folder shared by the app, the browser mode and the CLI:
 * an explicit --data wins, then FACTDESK_DATA, then the per-user default of the platform.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.FACTDESK_DATA) return env.FACTDESK_DATA;
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Factdesk');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Factdesk');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'factdesk');
  }
}

export const DATABASE_FILE = 'factdesk.sqlite';
