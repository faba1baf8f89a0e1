import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../src/main/store/open';
import { inWriteTransaction, LIBRARY_BUSY } from '../../../src/main/store/write-transaction';
import { DomainError } from '../../../src/main/errors';
import { runCli } from '../../../src/main/cli/main';
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

  it('report a lock held past the busy timeout as a busy library, and change nothing', () => {
    const before = lib.snapshot();
    other.exec('BEGIN IMMEDIATE');
    lib.db.pragma('busy_timeout = 100');
    try {
      let thrown: unknown;
      try {
        inWriteTransaction(lib.db, () => lib.db.prepare("INSERT INTO settings (key, value_json) VALUES ('never', '1')").run());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'conflict', message: LIBRARY_BUSY });
    } finally {
      other.exec('ROLLBACK');
      lib.db.pragma('busy_timeout = 5000');
    }
    expect(lib.snapshot()).toBe(before);
  });

  it('let the CLI wait for a writer, then say the library is busy', async () => {
    const file = join(lib.dir, 'waiting.txt');
    writeFileSync(file, 'A council statement about the bridge budget, long enough to be an article of its own.\n');
    const before = lib.snapshot();
    const err: string[] = [];
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    let status: number;
    try {
      status = await runCli(['import', file, '--data', lib.dir], { out: () => {}, err: (text) => err.push(text) }, {}, lib.dir);
    } finally {
      other.exec('ROLLBACK');
    }
    expect(status).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4000);
    expect(err.join('\n')).toContain(LIBRARY_BUSY);
    expect(lib.snapshot()).toBe(before);
  }, 30_000);
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
