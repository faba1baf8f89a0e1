import { describe, expect, it } from 'vitest';
import { databaseAt, insertDocumentAndClaim, isStrict } from './helpers';

function withClaim() {
  const db = databaseAt(4);
  insertDocumentAndClaim(db);
  return db;
}

describe('migration 0004 create-claims-evidence-reviews', () => {
  it('creates STRICT claims, evidence and reviews tables', () => {
    const db = withClaim();
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    for (const table of ['claims', 'evidence', 'reviews']) expect(isStrict(db, table)).toBe(true);
  });

  it('only accepts the workflow statuses, evidence relations and review decisions', () => {
    const db = withClaim();
    expect(() => db.prepare("UPDATE claims SET status = 'done' WHERE id = 'c'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare(
        `INSERT INTO evidence (id, claim_id, relation, title, url, archived_url, publisher, accessed_at, excerpt, note, position, author, created_at, updated_at)
         VALUES ('e', 'c', 'proves', '', '', '', '', '', '', '', 0, 'a', 't', 't')`
      ).run()
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(
        `INSERT INTO reviews (id, claim_id, author, decision, comment, self_review, created_at) VALUES ('r', 'c', 'b', 'reject', '', 0, 't')`
      ).run()
    ).toThrow(/CHECK/);
  });

  it('removes evidence and reviews with their claim', () => {
    const db = withClaim();
    db.prepare(
      `INSERT INTO evidence (id, claim_id, relation, title, url, archived_url, publisher, accessed_at, excerpt, note, position, author, created_at, updated_at)
       VALUES ('e', 'c', 'supports', '', '', '', '', '', '', '', 0, 'a', 't', 't')`
    ).run();
    db.prepare(`INSERT INTO reviews (id, claim_id, author, decision, comment, self_review, created_at) VALUES ('r', 'c', 'b', 'comment', 'ok', 0, 't')`).run();
    db.prepare("DELETE FROM claims WHERE id = 'c'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM evidence) + (SELECT count(*) FROM reviews) AS n').get()).toEqual({ n: 0 });
  });
});
