import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';
import { columnsOf, databaseAt, isStrict } from './helpers';

const base = `INSERT INTO exchange_bases (record_type, record_id, revision, document_id, content_json, seq) VALUES (?, ?, ?, ?, ?, ?)`;
const rev = (c: string) => c.repeat(64);

/** A library at version 14 with bases of two documents and an entity, stored out of seq order, two sharing a seq. */
function populated(): Database.Database {
  const db = databaseAt(14);
  const document = db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES (?, 'T', 'txt', '{}', 'Some text', ?, '[]', 't', 't')`
  );
  document.run('d1', 'h1');
  document.run('d2', 'h2');
  db.prepare(base).run('mention', 'm', rev('b'), 'd1', '{"v":2}', 7);
  db.prepare(base).run('mention', 'm', rev('a'), 'd1', '{"v":1}', 3);
  db.prepare(base).run('claim', 'c', rev('c'), 'd2', '{"v":3}', 5);
  db.prepare(base).run('entity', 'e', rev('d'), null, '{"v":4}', 5);
  return db;
}

const rows = (db: Database.Database) =>
  db.prepare('SELECT seq, record_type, record_id, revision, document_id, content_json FROM exchange_bases ORDER BY seq').all();

describe('migration 0015 number-exchange-bases-by-seq', () => {
  it('keeps every base with its content and document, in the same order, numbered uniquely from 1', () => {
    const db = populated();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 15));
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(rows(db)).toEqual([
      { seq: 1, record_type: 'mention', record_id: 'm', revision: rev('a'), document_id: 'd1', content_json: '{"v":1}' },
      { seq: 2, record_type: 'claim', record_id: 'c', revision: rev('c'), document_id: 'd2', content_json: '{"v":3}' },
      { seq: 3, record_type: 'entity', record_id: 'e', revision: rev('d'), document_id: null, content_json: '{"v":4}' },
      { seq: 4, record_type: 'mention', record_id: 'm', revision: rev('b'), document_id: 'd1', content_json: '{"v":2}' }
    ]);
  });

  it('makes seq the row id and drops the (record, seq) index; the table stays STRICT with its checks and cascade', () => {
    const db = populated();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 15));
    expect(isStrict(db, 'exchange_bases')).toBe(true);
    expect(columnsOf(db, 'exchange_bases')).toEqual(['seq', 'record_type', 'record_id', 'revision', 'document_id', 'content_json']);
    expect(db.prepare('SELECT count(*) FROM exchange_bases WHERE rowid = seq').pluck().get()).toBe(4);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'exchange_bases' AND sql IS NOT NULL`).pluck().all();
    expect(indexes).toEqual(['exchange_bases_document']);
    expect(() => db.prepare(base).run('mention', 'm', rev('a'), 'd1', '{}', 9)).toThrow(/UNIQUE/);
    expect(() => db.prepare(base).run('label', 'x', rev('f'), 'd1', '{}', 9)).toThrow(/CHECK/);
    expect(() => db.prepare(base).run('claim', 'c', 'short', 'd1', '{}', 9)).toThrow(/CHECK/);
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare('SELECT record_id FROM exchange_bases ORDER BY seq').pluck().all()).toEqual(['c', 'e']);
  });

  it('still takes a stored state again under a new number (the upsert the exchange store writes)', () => {
    const db = populated();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 15));
    db.prepare(`${base} ON CONFLICT (record_type, record_id, revision) DO UPDATE SET seq = excluded.seq, document_id = excluded.document_id`).run(
      'mention', 'm', rev('a'), 'd2', '{"v":1}', 10
    );
    expect(db.prepare("SELECT seq, document_id FROM exchange_bases WHERE revision = ?").get(rev('a'))).toEqual({ seq: 10, document_id: 'd2' });
    expect(db.prepare('SELECT max(seq) FROM exchange_bases').pluck().get()).toBe(10);
  });
});
