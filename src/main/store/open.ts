/**
 * The one place SQLite files are opened: the library, backups, and files checked before a restore.
 * Each goes through the same native binding (in Electron, the build for Electron's ABI), which a
 * library connection remembers so the files opened beside it use it too.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../data-dir';
import { migrate } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 build for another ABI (Electron's), kept apart from the Node build. */
  nativeBinding?: string;
}

const bindings = new WeakMap<Db, string | undefined>();

function openSqliteFile(file: string, opts: OpenOptions & { readonly?: boolean; fileMustExist?: boolean }): Db {
  const { nativeBinding, readonly = false, fileMustExist = false } = opts;
  const db = new Database(file, { readonly, fileMustExist, ...(nativeBinding ? { nativeBinding } : {}) });
  bindings.set(db, nativeBinding);
  return db;
}

/** Opens an existing SQLite file read-only (a backup, a file to restore) with the same binding as `library`. */
export function openReadOnlyBeside(library: Db, file: string): Db {
  return openSqliteFile(file, { nativeBinding: bindings.get(library), readonly: true, fileMustExist: true });
}

/** Opens (creating if needed) a SQLite file with the pragmas every connection needs, and migrates it. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = openSqliteFile(file, opts);
  try {
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL may lose committed transactions on power loss; FULL syncs the WAL on every commit.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens the library in a data directory (created if missing). */
export function openLibrary(dataDir: string, opts: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabase(join(dataDir, DATABASE_FILE), opts);
}

/**
 * A read-only connection to a library another connection (the service host) has opened and
 * migrated: in WAL mode it reads the last committed state while that one writes.
 */
export function openLibraryReadOnly(dataDir: string): Db {
  const db = openSqliteFile(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
