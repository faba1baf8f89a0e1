import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../errors';
import { LATEST_VERSION, migrate } from './migrations';
import { type Db, openReadOnlyBeside } from './open';

export const BACKUPS_TO_KEEP = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGES_PER_STEP = 100;
const BACKUP_NAME = /^factdesk-(\d{8}T\d{6}\d{3}Z)(-[a-z-]+)?\.sqlite$/;

export interface BackupInfo {
  fileName: string;
  path: string;
  createdAt: string;
  bytes: number;
}

/** Backups live beside the library file, in its data directory. */
export const backupsDirOf = (db: Db) => join(dirname(resolve(db.name)), 'backups');

const stamp = (date: Date) => date.toISOString().replace(/[-:.]/g, '');
const parseStamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

/** Backups in the folder, newest first. */
export function listBackups(backupsDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  return names
    .map((fileName) => ({ fileName, match: BACKUP_NAME.exec(fileName) }))
    .filter((entry): entry is { fileName: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ fileName, match }) => {
      const path = join(backupsDir, fileName);
      return { fileName, path, createdAt: parseStamp(match[1]!), bytes: statSync(path).size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/**
 * Copies the open library with SQLite's online backup (other connections keep working) and keeps the
 * newest `keep` regular backups. Safety copies made before a restore (suffix "-before-restore") are kept too.
 */
export async function createBackup(
  db: Db,
  backupsDir: string,
  clock: () => Date,
  opts: { keep?: number; suffix?: string; signal?: AbortSignal } = {}
): Promise<BackupInfo> {
  const { signal } = opts;
  signal?.throwIfAborted();
  mkdirSync(backupsDir, { recursive: true });
  const fileName = `factdesk-${stamp(clock())}${opts.suffix ?? ''}.sqlite`;
  const path = join(backupsDir, fileName);
  try {
    // The copy runs in steps between other work; an aborted signal stops it at the next step.
    await db.backup(path, {
      progress: () => {
        signal?.throwIfAborted();
        return PAGES_PER_STEP;
      }
    });
  } catch (error) {
    // A stopped or failed copy leaves no partial file that would be listed as a backup.
    rmSync(path, { force: true });
    throw error;
  }
  const regular = listBackups(backupsDir).filter((b) => !/-before-restore\.sqlite$/.test(b.fileName));
  for (const old of regular.slice(opts.keep ?? BACKUPS_TO_KEEP)) rmSync(old.path, { force: true });
  return listBackups(backupsDir).find((b) => b.fileName === fileName)!;
}

/** Makes a backup when none was made in the last 24 hours (at start-up and on a daily timer); `signal` stops it. */
export async function backupIfDue(db: Db, backupsDir: string, clock: () => Date, signal?: AbortSignal): Promise<BackupInfo | null> {
  const newest = listBackups(backupsDir)[0];
  if (newest && clock().getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  return createBackup(db, backupsDir, clock, signal ? { signal } : {});
}

/** Checks that a file is an intact Factdesk library this version can read. */
function checkBackupFile(db: Db, file: string): void {
  let source: Db | null = null;
  try {
    source = openReadOnlyBeside(db, file);
    const integrity = source.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new DomainError('invalid_input', `"${basename(file)}" is damaged (${String(integrity)}).`);
    const version = source.pragma('user_version', { simple: true }) as number;
    const hasDocuments = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    if (version < 1 || !hasDocuments) throw new DomainError('invalid_input', `"${basename(file)}" is not a Factdesk library.`);
    if (version > LATEST_VERSION) {
      throw new DomainError('unsupported', `"${basename(file)}" was written by a newer version of Factdesk.`);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('invalid_input', `"${basename(file)}" is not a readable SQLite library: ${(error as Error).message}`);
  } finally {
    source?.close();
  }
}

/**
 * Replaces the open library's content with a backup's, after keeping a copy of the current state.
 * Uses the backup API in reverse, so the open connection stays valid and sees the restored data.
 */
export async function restoreBackup(db: Db, file: string, backupsDir: string, clock: () => Date): Promise<BackupInfo> {
  checkBackupFile(db, file);
  const safety = await createBackup(db, backupsDir, clock, { suffix: '-before-restore' });
  const source = openReadOnlyBeside(db, file);
  try {
    await source.backup(db.name);
  } finally {
    source.close();
  }
  migrate(db);
  return safety;
}
