import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';
import { databaseAt } from './helpers';

const insertDocument = `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
  VALUES ('d', 'T', 'txt', '{}', 'Trump granted a posthumous pardon.', 'h', '[]', 't', 't')`;
const insertClaim = `INSERT INTO claims (id, document_id, start, "end", exact, prefix, suffix, text, status, explanation, author, created_at, updated_at)
  VALUES (?, 'd', 0, 10, 'Trump granted', '', '', ?, 'open', ?, 'a', 't', 't')`;
const insertEvidence = `INSERT INTO evidence (id, claim_id, relation, title, url, archived_url, publisher, accessed_at, excerpt, note, position, author, created_at, updated_at)
  VALUES ('v', 'c', 'supports', 'Pardon record', '', '', 'Justice Department', '', 'The President granted', 'posthumous', 0, 'a', 't', 't')`;
const insertEntity = `INSERT INTO entities (id, name, type, aliases_json, description, external_ids_json, created_at, updated_at)
  VALUES ('e', 'Kim Kardashian West', 'person', '["KKW"]', 'Television personality', '{}', 't', 't')`;

const hits = (db: ReturnType<typeof databaseAt>, table: string, query: string) =>
  (db.prepare(`SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH ?`).all(query) as unknown[]).length;

describe('migration 0009 create-annotation-search', () => {
  it('indexes claims, evidence and entities that existed before it ran', () => {
    const db = databaseAt(8);
    db.exec(insertDocument);
    db.prepare(insertClaim).run('c', 'Trump granted a pardon', 'Confirmed by the Justice Department');
    db.exec(insertEvidence);
    db.exec(insertEntity);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(hits(db, 'claims', 'justice')).toBe(1);
    expect(hits(db, 'evidence', 'posthumous')).toBe(1);
    expect(hits(db, 'entities', 'kkw')).toBe(1);
    expect(hits(db, 'entities', 'television')).toBe(1);
  });

  it('keeps the indexes in step with inserts, updates and deletes', () => {
    const db = databaseAt(9);
    db.exec(insertDocument);
    db.prepare(insertClaim).run('c', 'Trump granted a pardon', '');
    expect(hits(db, 'claims', 'pardon')).toBe(1);
    db.prepare("UPDATE claims SET text = 'Trump issued a clemency order', explanation = 'Véronique checked it' WHERE id = 'c'").run();
    expect(hits(db, 'claims', 'pardon')).toBe(0);
    expect(hits(db, 'claims', 'clemency')).toBe(1);
    expect(hits(db, 'claims', 'veronique')).toBe(1); // diacritics removed
    db.exec(insertEvidence);
    db.exec(insertEntity);
    db.prepare("UPDATE entities SET aliases_json = '[\"Kim K\"]' WHERE id = 'e'").run();
    expect(hits(db, 'entities', 'kkw')).toBe(0);
    db.prepare("DELETE FROM documents WHERE id = 'd'").run(); // cascades to the claim and its evidence
    expect(hits(db, 'claims', 'clemency')).toBe(0);
    expect(hits(db, 'evidence', 'posthumous')).toBe(0);
    db.prepare("DELETE FROM entities WHERE id = 'e'").run();
    expect(hits(db, 'entities', 'kardashian')).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM claims_fts").get()).toEqual({ n: 0 });
  });
});
