import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../../src/main/store/migrations';
import { openLibrary } from '../../../src/main/store/open';

describe('migrate / openLibrary', () => {
  it('numbers migrations in strictly increasing order, starting at 1', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i]!));
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('opens a library file in WAL mode with full syncs and foreign keys on, and is idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-open-'));
    try {
      const db = openLibrary(join(dir, 'nested', 'lib'));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      db.close();
      const again = openLibrary(join(dir, 'nested', 'lib'));
      expect(again.prepare('SELECT count(*) AS n FROM label_types').get()).toEqual({ n: 8 });
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a library written by a newer version and rolls back a failing migration', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer version of Factdesk/);

    const fresh = new Database(':memory:');
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      { version: 2, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x TEXT) STRICT; SELECT * FROM nowhere;') }
    ];
    expect(() => migrate(fresh, broken)).toThrow(/no such table/);
    expect(fresh.pragma('user_version', { simple: true })).toBe(1);
    expect(fresh.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });
});
