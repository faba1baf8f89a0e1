import type { Database } from 'better-sqlite3';

/**
 * Runs `fn` in a transaction that takes the write lock at its start (BEGIN IMMEDIATE): it waits
 * for another writer up front (busy_timeout) instead of failing halfway, when it first writes,
 * because another connection wrote since it read. Nested calls become savepoints.
 */
export function inWriteTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}
