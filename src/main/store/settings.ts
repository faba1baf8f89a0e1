import type { Settings } from '../../shared/domain';
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { statement } from './statements';

export const DEFAULT_SETTINGS: Settings = {
  userName: '',
  organisation: '',
  methodology: '',
  corrections: '',
  publishedBaseUrl: '',
  verdictScaleId: 'default'
};

export function getSettings(db: Db): Settings {
  const rows = statement(db, 'SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

export function updateSettings(group: ChangeGroup, patch: Partial<Settings>): Settings {
  const before = getSettings(group.db);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    statement(
      group.db,
      'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json'
    ).run(key, JSON.stringify(value));
    group.note('settings', key, before[key as keyof Settings] ?? null, value);
  }
  return getSettings(group.db);
}
