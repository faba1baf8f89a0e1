import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../src/main/store/open';
import { inWriteTransaction } from '../../../src/main/store/write-transaction';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.(ts|svelte|mjs)$/.test(entry.name) ? [join(dir, entry.name)] : []
  );
}

describe('write transactions', () => {
  let lib: TempLibrary;
  let other: Db;
  beforeAll(() => {
    lib = tempLibrary('factdesk-immediate-');
    other = openLibrary(lib.dir);
    other.pragma('busy_timeout = 0');
  });
  afterAll(() => {
    other.close();
    lib.close();
  });

  it('hold the write lock from their first statement, so no other connection writes in between', () => {
    const write = () => other.prepare("INSERT INTO settings (key, value_json) VALUES ('probe', '1')").run();
    const blocked = inWriteTransaction(lib.db, () => {
      // Nothing written yet: a deferred transaction would hold no lock here.
      lib.db.prepare('SELECT COUNT(*) FROM documents').get();
      try {
        write();
        return null;
      } catch (error) {
        return (error as { code?: string }).code;
      }
    });
    expect(blocked).toBe('SQLITE_BUSY');
    expect(() => write()).not.toThrow();
  });
});

describe('one data layer', () => {
  const files = sourceFiles(SRC).map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }));

  it('opens SQLite files in one module only', () => {
    const opening = files.filter(({ text }) => /new Database\(|import Database from 'better-sqlite3'/.test(text)).map(({ file }) => file);
    expect(opening).toEqual(['main/store/open.ts']);
  });

  it('starts transactions in one helper only, always with BEGIN IMMEDIATE', () => {
    const starting = files.filter(({ text }) => /\.transaction\(/.test(text)).map(({ file }) => file);
    expect(starting).toEqual(['main/store/write-transaction.ts']);
  });
});
