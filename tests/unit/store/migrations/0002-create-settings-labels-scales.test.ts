import { describe, expect, it } from 'vitest';
import defaultLabels from '../../../../resources/labels.default.json';
import { databaseAt, isStrict } from './helpers';

describe('migration 0002 create-settings-labels-scales', () => {
  it('seeds the eight default labels in order with hotkeys 1–8', () => {
    const db = databaseAt(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const labels = db.prepare('SELECT name, hotkey FROM label_types ORDER BY position').all();
    expect(labels).toEqual(defaultLabels.map((l) => ({ name: l.name, hotkey: l.hotkey })));
    expect(labels.map((l) => (l as { name: string }).name)).toEqual([
      'Person', 'Organization', 'Location', 'Date', 'Number', 'Event', 'Work', 'Other'
    ]);
  });

  it('seeds the default verdict scale, version 1, with numbers only on the five-point part', () => {
    const db = databaseAt(2);
    const row = db.prepare("SELECT version, labels_json FROM verdict_scales WHERE id = 'default'").get() as {
      version: number;
      labels_json: string;
    };
    expect(row.version).toBe(1);
    const labels = JSON.parse(row.labels_json) as { label: string; value: number | null }[];
    expect(labels.filter((l) => l.value !== null).map((l) => [l.label, l.value])).toEqual([
      ['True', 5], ['Mostly true', 4], ['Half true', 3], ['Mostly false', 2], ['False', 1]
    ]);
    expect(labels.filter((l) => l.value === null).map((l) => l.label)).toEqual([
      'Misleading', 'Unverifiable', 'Not a factual claim'
    ]);
  });

  it('makes settings, label_types and verdict_scales STRICT', () => {
    const db = databaseAt(2);
    for (const table of ['settings', 'label_types', 'verdict_scales']) expect(isStrict(db, table)).toBe(true);
  });
});
