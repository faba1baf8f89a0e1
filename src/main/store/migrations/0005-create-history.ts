import type { Migration } from './types';

/**
 * The append-only change log. Each API mutation is one group of rows (full before/after record
 * snapshots). `kind` tells edits from the undo/redo steps that replay them; `state` is the one
 * mutable column: it moves an edit group between the undo stack (active), the redo stack (undone)
 * and neither (discarded, once a new edit follows an undo).
 */
export const createHistory: Migration = {
  version: 5,
  name: 'create-history',
  up(db) {
    db.exec(`
      CREATE TABLE history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        group_id TEXT NOT NULL,
        document_id TEXT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'log')),
        state TEXT NOT NULL CHECK (state IN ('active', 'undone', 'discarded', 'final'))
      ) STRICT;
      CREATE INDEX history_group ON history(group_id);
      CREATE INDEX history_document ON history(document_id, kind, state, seq);
      CREATE INDEX history_record ON history(record_id, seq);
    `);
  }
};
