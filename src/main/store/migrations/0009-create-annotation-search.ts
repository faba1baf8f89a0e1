import type { Migration } from './types';

/** The FTS5 table of one record table, kept in step by triggers (documents_fts, from 0001, works the same way). */
function ftsFor(table: string, columns: string[]): string {
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  return `
    CREATE VIRTUAL TABLE ${table}_fts USING fts5(
      ${list}, content='${table}', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO ${table}_fts(${table}_fts) VALUES ('rebuild');
    CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.rowid, ${values('new')});
    END;
    CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
    END;
    CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${list} ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
      INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.rowid, ${values('new')});
    END;`;
}

/**
 * Library search over annotations: claims (as checked, as quoted, and the explanation), evidence
 * (title, excerpt, note, publisher) and entities (name, aliases, description). Existing rows are
 * indexed on the way in.
 */
export const createAnnotationSearch: Migration = {
  version: 9,
  name: 'create-annotation-search',
  up(db) {
    db.exec(
      ftsFor('claims', ['text', 'exact', 'explanation']) +
        ftsFor('evidence', ['title', 'excerpt', 'note', 'publisher']) +
        ftsFor('entities', ['name', 'aliases_json', 'description'])
    );
  }
};
