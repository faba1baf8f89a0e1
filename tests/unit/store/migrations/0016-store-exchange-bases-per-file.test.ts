import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExchangeBases } from '../../../../src/main/exchange/bases';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';
import { columnsOf, databaseAt, isStrict } from './helpers';

const base = `INSERT INTO exchange_bases (record_type, record_id, revision, document_id, content_json, seq) VALUES (?, ?, ?, ?, ?, ?)`;
const rev = (c: string) => c.repeat(64);

/** A library at version 15 with bases of two documents and of an entity, stored out of order. */
function populated(): Database.Database {
  const db = databaseAt(15);
  const document = db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES (?, 'T', 'txt', '{}', 'Some text', ?, '[]', 't', 't')`
  );
  document.run('d', 'h1');
  document.run('d2', 'h2');
  db.prepare(base).run('mention', 'm', rev('b'), 'd', '{"v":2}', 7);
  db.prepare(base).run('mention', 'm', rev('a'), 'd', '{"v":1}', 3);
  db.prepare(base).run('claim', 'c', rev('c'), 'd', '{"text":"Some, \\"quoted\\""}', 4);
  db.prepare(base).run('entity', 'e', rev('d'), null, '{"v":4}', 5);
  db.prepare(base).run('mention', 'n', rev('e'), 'd2', '{"v":5}', 6);
  return db;
}

const upgraded = () => {
  const db = populated();
  migrate(db, MIGRATIONS.filter((m) => m.version <= 16));
  return db;
};

describe('migration 0016 store-exchange-bases-per-file', () => {
  it('moves the bases into one set per document and one for entities, in their old order, and drops the per-record table', () => {
    const db = upgraded();
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(isStrict(db, 'exchange_base_sets')).toBe(true);
    expect(columnsOf(db, 'exchange_base_sets')).toEqual(['seq', 'document_id', 'records_json', 'contents_json']);
    expect(columnsOf(db, 'exchange_bases')).toEqual([]);
    const sets = db.prepare('SELECT document_id, records_json, contents_json FROM exchange_base_sets ORDER BY seq').all() as {
      document_id: string | null;
      records_json: string;
      contents_json: string;
    }[];
    expect(sets.map((set) => set.document_id)).toEqual([null, 'd2', 'd']);
    const d = sets[2]!;
    expect(JSON.parse(d.records_json)).toEqual([
      ['mention', 'm', rev('a')],
      ['claim', 'c', rev('c')],
      ['mention', 'm', rev('b')]
    ]);
    expect(JSON.parse(d.contents_json)).toEqual([{ v: 1 }, { text: 'Some, "quoted"' }, { v: 2 }]);
  });

  it('serves every base as before: revisions newest first, contents by revision, entities to every document', () => {
    const db = upgraded();
    const bases = new ExchangeBases(db, 'd');
    expect(bases.revisionsOf('mention', 'm')).toEqual([rev('b'), rev('a')]);
    expect(bases.content('mention', 'm', rev('a'))).toEqual({ v: 1 });
    expect(bases.content('claim', 'c', rev('c'))).toEqual({ text: 'Some, "quoted"' });
    expect(bases.content('mention', 'm', rev('f'))).toBeNull();
    expect(bases.isNewest('entity', 'e', rev('d'), null)).toBe(true);
    expect(bases.has('mention', 'n', rev('e'))).toBe(false);
    expect(bases.documentRecords()).toEqual(expect.arrayContaining([{ kind: 'mention', id: 'm' }, { kind: 'claim', id: 'c' }]));
    expect(bases.documentRecords()).toHaveLength(2);
    expect(new ExchangeBases(db, 'd2').revisionsOf('entity', 'e')).toEqual([rev('d')]);
  });

  it('drops a document’s sets with the document, keeping the entities’', () => {
    const db = upgraded();
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT document_id FROM exchange_base_sets ORDER BY seq').pluck().all()).toEqual([null, 'd2']);
  });

  it('upgrades a library with no bases to an empty table', () => {
    const db = databaseAt(15);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 16));
    expect(db.prepare('SELECT count(*) FROM exchange_base_sets').pluck().get()).toBe(0);
  });
});
