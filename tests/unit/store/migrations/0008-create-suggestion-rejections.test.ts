import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt, isStrict } from './helpers';

function withDocument() {
  const db = databaseAt(8);
  db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES ('d', 'T', 'txt', '{}', 'Reality TV star', 'h', '[]', 't', 't')`
  ).run();
  return db;
}

const reject = `INSERT INTO suggestion_rejections (id, document_id, text_key, type, exact, start, "end", author, created_at)
  VALUES (?, ?, ?, ?, 'Reality TV', ?, ?, 'a', 't')`;

describe('migration 0008 create-suggestion-rejections', () => {
  it('creates a STRICT table keyed by document, normalised text and type', () => {
    const db = withDocument();
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(isStrict(db, 'suggestion_rejections')).toBe(true);
    expect(columnsOf(db, 'suggestion_rejections')).toEqual(['id', 'document_id', 'text_key', 'type', 'exact', 'start', 'end', 'author', 'created_at']);
  });

  it('keeps one rejection per document (or per library) and text and type, and checks spans', () => {
    const db = withDocument();
    db.prepare(reject).run('r1', 'd', 'reality tv', 'organization', 0, 10);
    expect(() => db.prepare(reject).run('r2', 'd', 'reality tv', 'organization', 0, 10)).toThrow(/UNIQUE/);
    db.prepare(reject).run('r3', 'd', 'reality tv', 'person', 0, 10);
    db.prepare(reject).run('r4', null, 'reality tv', 'organization', null, null);
    expect(() => db.prepare(reject).run('r5', null, 'reality tv', 'organization', null, null)).toThrow(/UNIQUE/);
    expect(() => db.prepare(reject).run('r6', 'd', 'x', 'person', 5, 5)).toThrow(/CHECK/);
    expect(() => db.prepare(reject).run('r7', 'd', 'y', 'person', 5, null)).toThrow(/CHECK/);
    expect(() => db.prepare(reject).run('r8', 'd', '', 'person', 0, 1)).toThrow(/CHECK/);
    expect(() => db.prepare(reject).run('r9', 'missing', 'z', 'person', 0, 1)).toThrow(/FOREIGN KEY/);
  });

  it('forgets a document’s rejections with the document, keeps the library-wide ones', () => {
    const db = withDocument();
    db.prepare(reject).run('r1', 'd', 'reality tv', 'organization', 0, 10);
    db.prepare(reject).run('r2', null, 'reality tv', 'organization', null, null);
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT id FROM suggestion_rejections').all()).toEqual([{ id: 'r2' }]);
  });
});
