import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../../../src/main/store/migrations';

/** A fresh in-memory database migrated up to and including `version`. */
export function databaseAt(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  return db;
}

export const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

export const isStrict = (db: Database.Database, table: string) =>
  /\)\s*STRICT\s*$/i.test((db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql);
