import type { Migration } from './types';

/** Articles and their full-text index (FTS5, kept in step by triggers). */
export const createDocuments: Migration = {
  version: 1,
  name: 'create-documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        format TEXT NOT NULL,
        source_json TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        blocks_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
    `);
  }
};
