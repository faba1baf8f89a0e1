import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt } from './helpers';

describe('migration 0010 add-document-trash', () => {
  it('adds a nullable deleted_at to documents, keeping existing rows in the library', () => {
    const before = databaseAt(5);
    before.prepare(
      `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
       VALUES ('d', 'T', 'txt', '{}', 'text', 'h', '[]', 't', 't')`
    ).run();
    const db = databaseAt(10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(columnsOf(db, 'documents')).toContain('deleted_at');
    expect(columnsOf(before, 'documents')).not.toContain('deleted_at');
  });

  it('migrates a populated database without losing its documents', async () => {
    const { MIGRATIONS, migrate } = await import('../../../../src/main/store/migrations');
    const db = databaseAt(5);
    db.prepare(
      `INSERT INTO documents (id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at)
       VALUES ('d', 'T', 'txt', '{}', 'text', 'h', '[]', 't', 't')`
    ).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 10));
    expect(db.prepare('SELECT id, deleted_at FROM documents').all()).toEqual([{ id: 'd', deleted_at: null }]);
  });
});
