import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeSet } from '../../../src/shared/api/changes';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api/contract';
import type { Result } from '../../../src/shared/result';
import { createService } from '../../../src/main/api/service';
import { type Db, openLibrary } from '../../../src/main/store/open';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
export const SAMPLE_FILE = join(FIXTURES, 'articles', 'sample-ap-2018.txt');

/**
 * A real library in a fresh temp folder with a service over it and a clock that starts at `start` and ticks one second per call;
 * with `copyOf`, the folder starts as a copy of that (closed) library's folder.
 */
export function tempLibrary(prefix = 'factdesk-test-', start = '2026-01-01T00:00:00.000Z', copyOf?: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (copyOf) cpSync(copyOf, dir, { recursive: true });
  const db: Db = openLibrary(dir);
  let tick = Date.parse(start);
  const clock = () => new Date((tick += 1000));
  const service = createService({ db, mode: 'cli', clock, version: '0.1.0-test' });

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = (await service.call(method, input)) as Result<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  async function importFile(path: string, fileName = path.split('/').pop()!) {
    return call('documents.import', { fileName, dataBase64: readFileSync(path).toString('base64') });
  }

  async function importText(text: string, fileName = 'article.txt') {
    return call('documents.import', { fileName, dataBase64: Buffer.from(text, 'utf8').toString('base64') });
  }

  /** Every row of every table, to prove a refused call changed nothing. */
  function snapshot(): string {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB '*_fts*' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
  }

  function close() {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { dir, db, service, call, importFile, importText, snapshot, close };
}

export type TempLibrary = ReturnType<typeof tempLibrary>;

export const createdId = (changes: ChangeSet): string => {
  if (!changes.createdId) throw new Error('the call created nothing');
  return changes.createdId;
};
