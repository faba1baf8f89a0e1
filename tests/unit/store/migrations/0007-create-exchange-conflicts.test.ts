import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt, isStrict } from './helpers';

function withDocument() {
  const db = databaseAt(7);
  db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES ('d', 'T', 'txt', '{}', 'Some text', 'h', '[]', 't', 't')`
  ).run();
  return db;
}

const conflict = `INSERT INTO exchange_conflicts (id, document_id, record_type, record_id, field, base_json, mine_json, theirs_json, theirs_author, file_name, created_at)
  VALUES (?, 'd', ?, 'c1', ?, '"a"', '"b"', '"c"', 'Ben', 'f.factdesk.json', 't')`;

describe('migration 0007 create-exchange-conflicts', () => {
  it('creates a STRICT exchange_conflicts table and records user_version 7', () => {
    const db = withDocument();
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(isStrict(db, 'exchange_conflicts')).toBe(true);
    expect(columnsOf(db, 'exchange_conflicts')).toEqual([
      'id', 'document_id', 'record_type', 'record_id', 'field', 'base_json', 'mine_json', 'theirs_json',
      'theirs_author', 'file_name', 'created_at'
    ]);
  });

  it('holds one conflict per record field, refuses unknown record types, and goes with its document', () => {
    const db = withDocument();
    db.prepare(conflict).run('x1', 'claim', 'explanation');
    db.prepare(conflict).run('x2', 'claim', 'verdict');
    expect(() => db.prepare(conflict).run('x3', 'claim', 'explanation')).toThrow(/UNIQUE/);
    expect(() => db.prepare(conflict).run('x4', 'document', 'title')).toThrow(/CHECK/);
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT count(*) AS n FROM exchange_conflicts').get()).toEqual({ n: 0 });
  });
});
