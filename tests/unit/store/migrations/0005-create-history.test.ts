import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt, isStrict } from './helpers';

describe('migration 0005 create-history', () => {
  it('creates a STRICT history table with before/after snapshots and a kind/state per row', () => {
    const db = databaseAt(5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(isStrict(db, 'history')).toBe(true);
    expect(columnsOf(db, 'history')).toEqual([
      'seq', 'group_id', 'document_id', 'at', 'user', 'action', 'table_name', 'record_id',
      'before_json', 'after_json', 'kind', 'state'
    ]);
  });

  it('refuses unknown kinds and states', () => {
    const db = databaseAt(5);
    const insert = db.prepare(
      `INSERT INTO history (group_id, document_id, at, user, action, table_name, record_id, before_json, after_json, kind, state)
       VALUES ('g', NULL, 't', 'u', 'a', 'mentions', 'm', NULL, '{}', ?, ?)`
    );
    expect(() => insert.run('edit', 'active')).not.toThrow();
    expect(() => insert.run('rewrite', 'active')).toThrow(/CHECK/);
    expect(() => insert.run('edit', 'gone')).toThrow(/CHECK/);
  });
});
