import type { Migration } from './types';

/**
 * Shared annotation files. `exchange_bases` keeps every state of a record that crossed
 * an exchange (packed into a file, or received from one), keyed by its revision: the common
 * ancestor a three-way merge compares both sides against. `orphans` holds mentions and claims a
 * merge could not place in the local text, with all their data (a claim's evidence and reviews
 * included), until someone re-attaches them to a span.
 */
export const createExchangeBasesOrphans: Migration = {
  version: 6,
  name: 'create-exchange-bases-orphans',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_bases (
        record_type TEXT NOT NULL CHECK (record_type IN ('entity', 'mention', 'claim', 'evidence', 'review')),
        record_id TEXT NOT NULL,
        revision TEXT NOT NULL CHECK (length(revision) = 64),
        -- NULL for entities, which belong to the library rather than to one document.
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        content_json TEXT NOT NULL,
        -- Exchange order: the newest base of a record has the highest seq.
        seq INTEGER NOT NULL,
        PRIMARY KEY (record_type, record_id, revision)
      ) STRICT;
      CREATE INDEX exchange_bases_record ON exchange_bases(record_type, record_id, seq);
      CREATE INDEX exchange_bases_document ON exchange_bases(document_id, record_type);

      CREATE TABLE orphans (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('mention', 'claim')),
        -- The record as an annotation file holds it, selectors included.
        record_json TEXT NOT NULL,
        -- A claim's evidence and reviews: {"evidence": [...], "reviews": [...]}.
        children_json TEXT NOT NULL,
        reason TEXT NOT NULL,
        orphaned_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX orphans_document ON orphans(document_id, kind);
    `);
  }
};
