import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';
import { columnsOf, databaseAt, isStrict } from './helpers';

function seed(db: ReturnType<typeof databaseAt>) {
  db.exec(`
    INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
      VALUES ('d', 'T', 'txt', '{}', 'The sky is green.', 'h', '[]', 't', 't');
    INSERT INTO claims (id, document_id, start, "end", exact, prefix, suffix, text, status, explanation, author, created_at, updated_at)
      VALUES ('c1', 'd', 0, 5, 'The s', '', 'ky', 'x', 'verified', '', 'ana', 't', 't'),
             ('c2', 'd', 0, 5, 'The s', '', 'ky', 'y', 'researching', '', 'ana', 't', 't');
    INSERT INTO reviews (id, claim_id, author, decision, comment, self_review, created_at)
      VALUES ('r', 'c1', 'bob', 'approve', '', 0, 't');
    INSERT INTO history (group_id, document_id, at, user, action, table_name, record_id, before_json, after_json, kind, state)
      VALUES ('g', 'd', 't', 'bob', 'reviews.approve', 'claims', 'c1', '{"id":"c1","status":"in review"}', '{"id":"c1","status":"verified"}', 'edit', 'active');
  `);
}

describe('migration 0012 sign-reviews', () => {
  it('adds the signature columns to reviews and a STRICT table of known keys', () => {
    const db = databaseAt(12);
    expect(columnsOf(db, 'reviews')).toEqual(expect.arrayContaining(['content_json', 'content_hash', 'public_key', 'signature']));
    expect(columnsOf(db, 'known_keys')).toEqual(['user_name', 'public_key', 'fingerprint', 'origin', 'first_seen_at']);
    expect(isStrict(db, 'known_keys')).toBe(true);
  });

  it('moves stored "verified" claims and the snapshots undo replays back to "in review"; the unsigned approval stays as a record', () => {
    const db = databaseAt(11);
    seed(db);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 12));
    expect(db.prepare('SELECT id, status FROM claims ORDER BY id').all()).toEqual([
      { id: 'c1', status: 'in review' },
      { id: 'c2', status: 'researching' }
    ]);
    expect(db.prepare('SELECT after_json FROM history').pluck().get()).toBe('{"id":"c1","status":"in review"}');
    expect(db.prepare('SELECT author, signature FROM reviews').get()).toEqual({ author: 'bob', signature: null });
  });

  it('refuses to store "verified" as a status from then on', () => {
    const db = databaseAt(11);
    seed(db);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 12));
    expect(() => db.prepare("UPDATE claims SET status = 'verified' WHERE id = 'c2'").run()).toThrow(/derived/);
    expect(db.prepare("SELECT status FROM claims WHERE id = 'c2'").pluck().get()).toBe('researching');
  });
});
