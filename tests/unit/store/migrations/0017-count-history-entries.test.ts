import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';
import { columnsOf, databaseAt } from './helpers';

const insert = `INSERT INTO history (group_id, document_id, at, user, action, table_name, record_id, before_json, after_json, kind, state)
  VALUES (?, 'd', 't', 'Ana', ?, 'mentions', ?, NULL, '{"id":"m"}', ?, ?)`;

describe('migration 0017 count-history-entries', () => {
  it('adds the count of entries a row stands for, 1 for every row already logged, which keeps as it was', () => {
    const db = databaseAt(16);
    db.prepare(insert).run('g1', 'mentions.create', 'm1', 'edit', 'active');
    db.prepare(insert).run('g2', 'exchange.open', 'm2', 'log', 'final');
    const before = db.prepare('SELECT * FROM history ORDER BY seq').all();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 17));
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    expect(columnsOf(db, 'history').at(-1)).toBe('entries');
    expect(db.prepare('SELECT * FROM history ORDER BY seq').all()).toEqual(before.map((row) => ({ ...(row as object), entries: 1 })));
  });

  it('refuses a row that stands for no entry', () => {
    const db = databaseAt(17);
    db.prepare(insert).run('g1', 'mentions.create', 'm1', 'edit', 'active');
    expect(() => db.prepare('UPDATE history SET entries = 0').run()).toThrow(/CHECK/);
  });
});
