import type { Migration } from './types';

/**
 * A history row may stand for many entries: opening a shared file logs the records it adds as one
 * row (the file's set of exchange bases holds their contents) instead of a row per record.
 * `entries` is how many it stands for; they take the sequence numbers up to and including the
 * row's own, which the row reserves when it is written. Every existing row stands for itself.
 */
export const countHistoryEntries: Migration = {
  version: 17,
  name: 'count-history-entries',
  up(db) {
    db.exec('ALTER TABLE history ADD COLUMN entries INTEGER NOT NULL DEFAULT 1 CHECK (entries >= 1)');
  }
};
