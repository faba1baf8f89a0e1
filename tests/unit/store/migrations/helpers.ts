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

/** Document 'd' ("Some text") with claim 'c' on "Some" (the tables as created by migration 0004). */
export function insertDocumentAndClaim(db: Database.Database) {
  db.prepare(
    `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
     VALUES ('d', 'T', 'txt', '{}', 'Some text', 'h', '[]', 't', 't')`
  ).run();
  db.prepare(
    `INSERT INTO claims (id, document_id, start, "end", exact, prefix, suffix, text, claimant_id, claim_date, score, score_reason,
       status, verdict_scale_id, verdict_scale_version, verdict_label, explanation, author, created_at, updated_at)
     VALUES ('c', 'd', 0, 4, 'Some', '', ' text', 'Some', NULL, NULL, NULL, NULL, 'open', NULL, NULL, NULL, '', 'a', 't', 't')`
  ).run();
}
