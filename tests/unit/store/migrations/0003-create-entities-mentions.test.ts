import { describe, expect, it } from 'vitest';
import { databaseAt, isStrict } from './helpers';

function withDocument() {
  const db = databaseAt(3);
  db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES ('d', 'T', 'txt', '{}', 'Some text', 'h', '[]', 't', 't')`
  ).run();
  db.prepare(
    `INSERT INTO entities (id, name, type, aliases_json, description, external_ids_json, created_at, updated_at)
     VALUES ('e', 'Kim Kardashian West', 'person', '[]', '', '{}', 't', 't')`
  ).run();
  return db;
}

const mention = `INSERT INTO mentions (id, document_id, start, "end", exact, prefix, suffix, type, entity_id, origin, status, masked, restoration, author, created_at, updated_at)
  VALUES (?, 'd', ?, ?, 'x', '', '', 'person', ?, 'manual', 'accepted', 0, NULL, 'a', 't', 't')`;

describe('migration 0003 create-entities-mentions', () => {
  it('creates STRICT entities and mentions tables', () => {
    const db = withDocument();
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(isStrict(db, 'entities')).toBe(true);
    expect(isStrict(db, 'mentions')).toBe(true);
  });

  it('refuses empty spans and unknown documents, unlinks deleted entities, cascades document deletes', () => {
    const db = withDocument();
    expect(() => db.prepare(mention).run('m0', 4, 4, null)).toThrow(/CHECK/);
    expect(() =>
      db.prepare(mention.replace("'d'", "'missing'")).run('m1', 0, 4, null)
    ).toThrow(/FOREIGN KEY/);
    db.prepare(mention).run('m2', 0, 4, 'e');
    db.prepare("DELETE FROM entities WHERE id = 'e'").run();
    expect(db.prepare("SELECT entity_id FROM mentions WHERE id = 'm2'").get()).toEqual({ entity_id: null });
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: 0 });
  });
});
