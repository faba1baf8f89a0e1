import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseAt, insertDocumentAndClaim } from './helpers';

/** How SQLite runs a document's annotations read in text order, as the mentions and claims stores ask for it. */
const planOf = (db: Database.Database, table: 'mentions' | 'claims') =>
  (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ${table} WHERE document_id = ? ORDER BY start, "end" DESC`).all('d') as { detail: string }[])
    .map((step) => step.detail)
    .join('; ');

function withAnnotations(version: number) {
  const db = databaseAt(version);
  insertDocumentAndClaim(db);
  const mention = db.prepare(
    `INSERT INTO mentions (id, document_id, start, "end", exact, prefix, suffix, type, entity_id, origin, status, masked, restoration, author, created_at, updated_at)
     VALUES (?, 'd', ?, ?, '', '', '', 'person', NULL, 'manual', 'accepted', 0, NULL, 'a', 't', 't')`
  );
  mention.run('m-inner', 0, 4);
  mention.run('m-late', 5, 9);
  mention.run('m-outer', 0, 9);
  return db;
}

describe('migration 0011 index-annotations-in-text-order', () => {
  it('reads a document’s mentions and claims in text order from an index, with no sort', () => {
    const before = withAnnotations(10);
    expect(planOf(before, 'mentions')).toContain('USE TEMP B-TREE');
    expect(planOf(before, 'claims')).toContain('USE TEMP B-TREE');

    const db = withAnnotations(11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    for (const table of ['mentions', 'claims'] as const) {
      expect(planOf(db, table)).toContain(`USING INDEX ${table}_document`);
      expect(planOf(db, table)).not.toContain('TEMP B-TREE');
    }
  });

  it('keeps every row of a populated library, and the read order', async () => {
    const { MIGRATIONS, migrate } = await import('../../../../src/main/store/migrations');
    const db = withAnnotations(10);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 11));
    const ids = db.prepare(`SELECT id FROM mentions WHERE document_id = 'd' ORDER BY start, "end" DESC`).pluck().all();
    expect(ids).toEqual(['m-outer', 'm-inner', 'm-late']);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
  });
});
