/**
 * One process owns a library at a time: the desktop app or the browser mode claims its folder with
 * a lock file naming the holder (process id, kind, start time, machine). A second app or server on
 * the same library is refused with that name; a lock left by a process that is gone is taken over.
 * The CLI claims nothing: it reads freely and writes through SQLite's short write lock.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fail, ok, type Result } from '../shared/result';

export const LOCK_FILE = 'factdesk.lock';

export type LibraryOwnerKind = 'desktop app' | 'browser mode';

export interface LibraryOwner {
  pid: number;
  kind: LibraryOwnerKind;
  startedAt: string;
  host: string;
}

export interface LibraryClaim {
  /** Removes the lock file, if it is still this process's. */
  release(): void;
}

/** Claims the library in `dataDir` for this process, or says who holds it. */
export function claimLibrary(
  dataDir: string,
  kind: LibraryOwnerKind,
  { clock = () => new Date(), pid = process.pid }: { clock?: () => Date; pid?: number } = {}
): Result<LibraryClaim> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid, kind, startedAt: clock().toISOString(), host: hostname() } satisfies LibraryOwner);
  // A few rounds: another process may release, claim or take over the lock between two steps.
  for (let round = 0; round < 5; round++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return ok({ release: () => (readText(path) === mine ? rmSync(path, { force: true }) : undefined) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = readText(path);
    if (held === null) continue;
    const owner = parseOwner(held);
    if (owner && isRunning(owner)) return fail('conflict', inUse(dataDir, owner));
    takeOverStale(path, held, pid);
  }
  return fail('conflict', `The library in ${dataDir} is being opened by another process at the same moment; try again.`);
}

/** "in use by the browser mode (process 4242 on host, started …)" */
function inUse(dataDir: string, owner: LibraryOwner): string {
  const machine = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return (
    `The library in ${dataDir} is already open in the Factdesk ${owner.kind} (process ${owner.pid}${machine}, started ${owner.startedAt}). ` +
    'Close it there first, or open another library with --data.'
  );
}

/**
 * Moves a stale lock aside, then checks that what moved is the lock judged stale: if another
 * process took it over meanwhile, its fresh lock is put back.
 */
function takeOverStale(path: string, stale: string, pid: number): void {
  const aside = `${path}.stale-${pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (readText(aside) !== stale) {
    try {
      linkSync(aside, path);
    } catch {
      // A third process holds the lock now; the fresh one moved aside is theirs to lose.
    }
  }
  rmSync(aside, { force: true });
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function parseOwner(text: string): LibraryOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LibraryOwner>;
    return typeof value.pid === 'number' && typeof value.kind === 'string' && typeof value.startedAt === 'string' && typeof value.host === 'string'
      ? (value as LibraryOwner)
      : null;
  } catch {
    return null;
  }
}

/** Whether the owner still runs; one on another machine (a shared folder) cannot be checked and counts as running. */
function isRunning(owner: LibraryOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
