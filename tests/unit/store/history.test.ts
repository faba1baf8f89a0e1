import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendReceivedLog, runMutation } from '../../../src/main/store/history';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

const ctx = () => ({ db: lib.db, clock: () => new Date('2026-01-02T03:04:05.000Z'), newId: () => crypto.randomUUID(), user: 'Ana Checker' });
const entity = (id: string, name: string) => ({
  id,
  name,
  type: 'person',
  aliases_json: '[]',
  description: '',
  external_ids_json: '{}',
  created_at: 'then',
  updated_at: 'then'
});

describe('change groups', () => {
  it('writes rows whatever the order and set of their columns, each with its history row', () => {
    const reversed = Object.fromEntries(Object.entries(entity('e2', 'Second')).reverse());
    const { group } = runMutation(ctx(), { documentId: null, action: 'test', kind: 'log' }, (g) => {
      g.insert('entities', entity('e1', 'First'));
      g.insert('entities', reversed);
      g.insert('entities', entity('e3', 'Third'));
      g.update('entities', 'e1', { name: 'First, renamed' });
      g.update('entities', 'e2', { description: 'described', updated_at: 'now' });
      g.update('entities', 'e3', { name: 'Third, renamed' });
    });
    const rows = lib.db.prepare('SELECT id, name, description, updated_at FROM entities ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'e1', name: 'First, renamed', description: '', updated_at: 'then' },
      { id: 'e2', name: 'Second', description: 'described', updated_at: 'now' },
      { id: 'e3', name: 'Third, renamed', description: '', updated_at: 'then' }
    ]);
    const history = lib.db
      .prepare('SELECT record_id, before_json, after_json, user, action FROM history WHERE group_id = ? ORDER BY seq')
      .all(group.meta.groupId) as { record_id: string; before_json: string | null; after_json: string; user: string; action: string }[];
    expect(history.map((h) => [h.record_id, h.before_json === null, JSON.parse(h.after_json).name])).toEqual([
      ['e1', true, 'First'],
      ['e2', true, 'Second'],
      ['e3', true, 'Third'],
      ['e1', false, 'First, renamed'],
      ['e2', false, 'Second'],
      ['e3', false, 'Third, renamed']
    ]);
    expect(new Set(history.map((h) => `${h.user}/${h.action}`))).toEqual(new Set(['Ana Checker/test']));
    expect(group.touches().map((t) => t.id)).toEqual(['e1', 'e2', 'e3']);
  });
});

describe('received change log', () => {
  it('stores every entry of a long log as it came and in its order, many to a statement', () => {
    const entries = Array.from({ length: 600 }, (_, i) => ({
      group_id: `g${Math.floor(i / 7)}`,
      at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      user: i % 2 ? 'Ben Reviewer' : 'Ana Checker',
      action: 'mentions.create',
      table_name: 'mentions',
      record_id: `m${i}`,
      before_json: i % 3 ? null : `{"id":"m${i}","n":${i - 1}}`,
      after_json: `{"id":"m${i}","n":${i}}`
    }));
    appendReceivedLog(lib.db, 'd1', entries);
    const rows = lib.db
      .prepare('SELECT group_id, at, user, action, table_name, record_id, before_json, after_json, document_id, kind, state, entries FROM history ORDER BY seq')
      .all();
    expect(rows).toEqual(entries.map((entry) => ({ ...entry, document_id: 'd1', kind: 'log', state: 'final', entries: 1 })));
  });
});
