import type { Migration } from './types';

/**
 * Merge conflicts waiting for a person: a field both sides changed since their common base, or
 * an edit on one side against a deletion on the other (field '*'). Values are JSON; for '*' a
 * side is the whole record (with a claim's evidence and reviews) or null when deleted there.
 * One open conflict per record field: a newer file replaces the older file's side.
 */
export const createExchangeConflicts: Migration = {
  version: 7,
  name: 'create-exchange-conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_conflicts (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        record_type TEXT NOT NULL CHECK (record_type IN ('entity', 'mention', 'claim', 'evidence', 'review')),
        record_id TEXT NOT NULL,
        field TEXT NOT NULL,
        base_json TEXT NOT NULL,
        mine_json TEXT NOT NULL,
        theirs_json TEXT NOT NULL,
        theirs_author TEXT NOT NULL,
        file_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (record_type, record_id, field)
      ) STRICT;
      CREATE INDEX exchange_conflicts_document ON exchange_conflicts(document_id, created_at);
    `);
  }
};
