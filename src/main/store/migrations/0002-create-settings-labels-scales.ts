import defaultLabels from '../../../../resources/labels.default.json';
import defaultScale from '../../../../resources/verdict-scale.default.json';
import type { Migration } from './types';

/** Settings, the label set and verdict scales, seeded with the defaults shipped in resources/. */
export const createSettingsLabelsScales: Migration = {
  version: 2,
  name: 'create-settings-labels-scales',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE label_types (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        hotkey TEXT NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE verdict_scales (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        labels_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT;
    `);
    const insertLabel = db.prepare(
      'INSERT INTO label_types (key, name, color, hotkey, position) VALUES (?, ?, ?, ?, ?)'
    );
    defaultLabels.forEach((label, position) =>
      insertLabel.run(label.key, label.name, label.color, label.hotkey, position)
    );
    db.prepare(
      'INSERT INTO verdict_scales (id, version, name, labels_json, created_at) VALUES (?, ?, ?, ?, ?)'
    ).run(
      defaultScale.id,
      defaultScale.version,
      defaultScale.name,
      JSON.stringify(defaultScale.labels),
      new Date(0).toISOString()
    );
  }
};
