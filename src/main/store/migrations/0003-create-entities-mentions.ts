import type { Migration } from './types';

/** Entities (library-wide) and their mentions in documents, masked gaps included. */
export const createEntitiesMentions: Migration = {
  version: 3,
  name: 'create-entities-mentions',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases_json TEXT NOT NULL,
        description TEXT NOT NULL,
        external_ids_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

      CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" > start),
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        type TEXT NOT NULL,
        entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggested', 'propagated')),
        status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
        masked INTEGER NOT NULL CHECK (masked IN (0, 1)),
        restoration TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mentions_document ON mentions(document_id, start);
      CREATE INDEX mentions_entity ON mentions(entity_id);
    `);
  }
};
