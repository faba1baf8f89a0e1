import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt, isStrict } from './helpers';

const insert = `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
  VALUES (?, ?, 'txt', '{}', ?, ?, '[]', 't', 't')`;

describe('migration 0001 create-documents', () => {
  it('creates a STRICT documents table and records user_version 1', () => {
    const db = databaseAt(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(columnsOf(db, 'documents')).toEqual([
      'id', 'title', 'format', 'source_json', 'text', 'sha256', 'blocks_json', 'imported_at', 'updated_at'
    ]);
    expect(isStrict(db, 'documents')).toBe(true);
  });

  it('keeps the FTS5 index in step with inserts, updates and deletes', () => {
    const db = databaseAt(1);
    db.prepare(insert).run('a', 'Prison reform', 'Kardashian West met the president', 'h1');
    const search = (q: string) =>
      (db.prepare('SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ?').all(q) as { id: string }[]).map((r) => r.id);
    expect(search('president')).toEqual(['a']);
    db.prepare("UPDATE documents SET text = 'a story about pardons' WHERE id = 'a'").run();
    expect(search('president')).toEqual([]);
    expect(search('pardons')).toEqual(['a']);
    db.prepare("DELETE FROM documents WHERE id = 'a'").run();
    expect(search('pardons')).toEqual([]);
  });

  it('refuses two documents with the same text hash and values of the wrong type', () => {
    const db = databaseAt(1);
    db.prepare(insert).run('a', 'One', 'text', 'same');
    expect(() => db.prepare(insert).run('b', 'Two', 'text', 'same')).toThrow(/UNIQUE/);
    expect(() => db.prepare(insert).run('c', Buffer.from('x'), 'text', 'other')).toThrow(/cannot store BLOB value in TEXT column/);
  });
});
