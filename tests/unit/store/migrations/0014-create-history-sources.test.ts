import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt, isStrict } from './helpers';

describe('migration 0014 create-history-sources', () => {
  it('creates a strict table of change groups received from files, one row per group', () => {
    const db = databaseAt(14);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(columnsOf(db, 'history_sources')).toEqual(['group_id', 'file_name', 'sender']);
    expect(isStrict(db, 'history_sources')).toBe(true);
    const insert = db.prepare('INSERT INTO history_sources (group_id, file_name, sender) VALUES (?, ?, ?)');
    insert.run('g1', 'from-ben.factdesk.json', 'Ben Reviewer');
    expect(() => insert.run('g1', 'again.factdesk.json', 'Ben Reviewer')).toThrow(/UNIQUE/);
    expect(() => insert.run('g2', '', 'Ben Reviewer')).toThrow(/CHECK/);
    expect(columnsOf(databaseAt(13), 'history_sources')).toEqual([]);
  });
});
