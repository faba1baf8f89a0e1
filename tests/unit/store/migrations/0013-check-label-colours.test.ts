import { describe, expect, it } from 'vitest';
import { databaseAt } from './helpers';

const colours = (db: ReturnType<typeof databaseAt>) =>
  Object.fromEntries((db.prepare('SELECT key, color FROM label_types').all() as { key: string; color: string }[]).map((r) => [r.key, r.color]));

describe('migration 0013 check-label-colours', () => {
  it('turns a stored colour that is not #rrggbb grey and keeps valid ones', async () => {
    const { MIGRATIONS, migrate } = await import('../../../../src/main/store/migrations');
    const db = databaseAt(12);
    db.prepare("UPDATE label_types SET color = 'red;}body{display:none' WHERE key = 'person'").run();
    const before = colours(db);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 13));
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(colours(db)).toEqual({ ...before, person: '#6b7280' });
  });

  it('refuses a colour that is not #rrggbb on insert and update, leaving the row as it was', () => {
    const db = databaseAt(13);
    const insert = db.prepare("INSERT INTO label_types (key, name, color, hotkey, position) VALUES ('x', 'X', ?, '', 99)");
    for (const bad of ['red;}body{display:none', 'red', '#fff', '#12345g', '#1234567', 'url(x)']) {
      expect(() => insert.run(bad)).toThrow(/#rrggbb/);
      expect(() => db.prepare("UPDATE label_types SET color = ? WHERE key = 'person'").run(bad)).toThrow(/#rrggbb/);
    }
    expect(db.prepare("SELECT color FROM label_types WHERE key = 'person'").get()).toEqual({ color: '#2f6fde' });
    insert.run('#A0b1C2');
    expect(db.prepare("SELECT color FROM label_types WHERE key = 'x'").get()).toEqual({ color: '#A0b1C2' });
  });
});
