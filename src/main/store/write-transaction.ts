import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';

/** Said when another process kept the library's write lock for the whole busy timeout. */
export const LIBRARY_BUSY =
  'The library is busy: another Factdesk window, browser tab or command is saving to it. Nothing was changed; try again in a moment.';

/**
 * Runs `fn` in a transaction that takes the write lock at its start (BEGIN IMMEDIATE): it waits
 * for another writer up front (busy_timeout) instead of failing halfway, when it first writes,
 * because another connection wrote since it read. Nested calls become savepoints. A lock still
 * held when the wait ends is reported as a busy library, not as an internal error.
 */
export function inWriteTransaction<T>(db: Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DomainError('conflict', LIBRARY_BUSY);
    throw error;
  }
}
