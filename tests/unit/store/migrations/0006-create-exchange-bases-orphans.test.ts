import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt, isStrict } from './helpers';

const REVISION = 'a'.repeat(64);

function withDocument() {
  const db = databaseAt(6);
  db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES ('d', 'T', 'txt', '{}', 'Some text', 'h', '[]', 't', 't')`
  ).run();
  return db;
}

const base = `INSERT INTO exchange_bases (record_type, record_id, revision, document_id, content_json, seq) VALUES (?, ?, ?, ?, '{}', ?)`;
const orphan = `INSERT INTO orphans (id, document_id, kind, record_json, children_json, reason, orphaned_at) VALUES (?, 'd', ?, '{}', '{}', 'gone', 't')`;

describe('migration 0006 create-exchange-bases-orphans', () => {
  it('creates STRICT exchange_bases and orphans tables and records user_version 6', () => {
    const db = withDocument();
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(isStrict(db, 'exchange_bases')).toBe(true);
    expect(isStrict(db, 'orphans')).toBe(true);
    expect(columnsOf(db, 'exchange_bases')).toEqual(['record_type', 'record_id', 'revision', 'document_id', 'content_json', 'seq']);
    expect(columnsOf(db, 'orphans')).toEqual(['id', 'document_id', 'kind', 'record_json', 'children_json', 'reason', 'orphaned_at']);
  });

  it('keeps one base per record and revision, refuses unknown record types and malformed revisions', () => {
    const db = withDocument();
    db.prepare(base).run('mention', 'm', REVISION, 'd', 1);
    expect(() => db.prepare(base).run('mention', 'm', REVISION, 'd', 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare(base).run('mention', 'm', 'b'.repeat(64), 'd', 2);
    db.prepare(base).run('entity', 'e', REVISION, null, 3);
    expect(() => db.prepare(base).run('label', 'x', REVISION, 'd', 4)).toThrow(/CHECK/);
    expect(() => db.prepare(base).run('claim', 'c', 'short', 'd', 4)).toThrow(/CHECK/);
  });

  it('only orphans mentions and claims, and drops bases and orphans with their document (entity bases stay)', () => {
    const db = withDocument();
    db.prepare(orphan).run('o1', 'claim');
    expect(() => db.prepare(orphan).run('o2', 'evidence')).toThrow(/CHECK/);
    db.prepare(base).run('claim', 'c', REVISION, 'd', 1);
    db.prepare(base).run('entity', 'e', REVISION, null, 2);
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT count(*) AS n FROM orphans').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT record_type FROM exchange_bases').all()).toEqual([{ record_type: 'entity' }]);
  });
});
