import type { Migration } from './types';

/**
 * Where a change group came from when it applied a shared file: the file's name and the colleague
 * who sent it, so the history can say "received from …" and name the real actor.
 */
export const createHistorySources: Migration = {
  version: 14,
  name: 'create-history-sources',
  up(db) {
    db.exec(`
      CREATE TABLE history_sources (
        group_id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL CHECK (length(file_name) > 0),
        sender TEXT NOT NULL
      ) STRICT;
    `);
  }
};
