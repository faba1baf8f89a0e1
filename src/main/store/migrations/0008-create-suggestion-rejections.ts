import type { Migration } from './types';

/**
 * Rejected entity suggestions, so they are not offered again. A rejection is keyed by the
 * normalised text and the type: in one document (document_id set), or everywhere (NULL).
 * start/end record where it was rejected, for the list of rejections the user can take back.
 */
export const createSuggestionRejections: Migration = {
  version: 8,
  name: 'create-suggestion-rejections',
  up(db) {
    db.exec(`
      CREATE TABLE suggestion_rejections (
        id TEXT PRIMARY KEY,
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        text_key TEXT NOT NULL CHECK (length(text_key) > 0),
        type TEXT NOT NULL,
        exact TEXT NOT NULL,
        start INTEGER CHECK (start >= 0),
        "end" INTEGER,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((start IS NULL AND "end" IS NULL) OR (start IS NOT NULL AND "end" IS NOT NULL AND "end" > start))
      ) STRICT;
      CREATE UNIQUE INDEX suggestion_rejections_key ON suggestion_rejections(coalesce(document_id, ''), text_key, type);
    `);
  }
};
