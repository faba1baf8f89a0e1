import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';
import { databaseAt } from './helpers';

const base = `INSERT INTO exchange_bases (record_type, record_id, revision, document_id, content_json, seq) VALUES (?, ?, ?, ?, ?, ?)`;
const rev = (c: string) => c.repeat(64);

/** A library at version 14 with bases of a document and an entity. */
function populated(): Database.Database {
  const db = databaseAt(14);
  db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES ('d', 'T', 'txt', '{}', 'Some text', 'h', '[]', 't', 't')`
  ).run();
  db.prepare(base).run('mention', 'm', rev('b'), 'd', '{"v":2}', 7);
  db.prepare(base).run('mention', 'm', rev('a'), 'd', '{"v":1}', 3);
  db.prepare(base).run('entity', 'e', rev('d'), null, '{"v":4}', 5);
  return db;
}

const indexes = (db: Database.Database) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'exchange_bases' AND sql IS NOT NULL ORDER BY name`).pluck().all();
const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join('; ');

describe('migration 0015 index-exchange-bases-by-seq', () => {
  it('replaces the (record, seq) index with one on seq, keeping every base as it was', () => {
    const db = populated();
    const before = db.prepare('SELECT * FROM exchange_bases ORDER BY seq').all();
    expect(indexes(db)).toEqual(['exchange_bases_document', 'exchange_bases_record']);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 15));
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(indexes(db)).toEqual(['exchange_bases_document', 'exchange_bases_seq']);
    expect(db.prepare('SELECT * FROM exchange_bases ORDER BY seq').all()).toEqual(before);
  });

  it('finds the newest number from the index, and a record’s bases by its key', () => {
    const db = populated();
    expect(plan(db, 'SELECT max(seq) FROM exchange_bases')).not.toContain('exchange_bases_seq');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 15));
    expect(plan(db, 'SELECT max(seq) FROM exchange_bases')).toContain('USING COVERING INDEX exchange_bases_seq');
    expect(db.prepare('SELECT max(seq) FROM exchange_bases').pluck().get()).toBe(7);
    const revisions = "SELECT revision FROM exchange_bases WHERE record_type = 'mention' AND record_id = 'm' ORDER BY seq DESC";
    expect(plan(db, revisions)).toContain('USING INDEX sqlite_autoindex_exchange_bases_1 (record_type=? AND record_id=?)');
    expect(db.prepare(revisions).pluck().all()).toEqual([rev('b'), rev('a')]);
  });
});
