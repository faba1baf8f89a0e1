import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SAMPLE = join(ROOT, 'tests', 'fixtures', 'articles', 'sample-ap-2018.txt');
const SECOND = join(ROOT, 'tests', 'fixtures', 'articles', 'utf8-plain.txt');

let tmp: string;
let dataDir: string;

function factdesk(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'factdesk.mjs'), ...args, '--data', dataDir], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, FACTDESK_DATA: undefined },
    timeout: 60_000
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'factdesk-cli-backup-'));
  dataDir = join(tmp, 'library');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('factdesk backup and restore', () => {
  it('backs up (printing the path), restores a backup keeping a copy first, and refuses a file that is no library', () => {
    expect(factdesk('import', SAMPLE).status).toBe(0);
    const backup = factdesk('backup');
    expect(backup.status).toBe(0);
    expect(backup.stdout.startsWith(join(dataDir, 'backups', 'factdesk-'))).toBe(true);
    expect(existsSync(backup.stdout)).toBe(true);

    const copy = factdesk('backup', '-o', 'copy.sqlite');
    expect(copy).toMatchObject({ status: 0, stdout: join(tmp, 'copy.sqlite') });
    expect(existsSync(join(tmp, 'copy.sqlite'))).toBe(true);

    expect(factdesk('import', SECOND).status).toBe(0);
    expect(factdesk('list').stdout.split('\n')).toHaveLength(2);

    const restored = factdesk('restore', backup.stdout);
    expect(restored.status).toBe(0);
    expect(restored.stderr).toMatch(/before-restore\.sqlite/);
    expect(factdesk('list').stdout.split('\n')).toHaveLength(1);

    const refused = factdesk('restore', SAMPLE);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/sample-ap-2018\.txt/);
    expect(factdesk('list').stdout.split('\n')).toHaveLength(1);
    expect(factdesk('restore').status).toBe(2);
  }, 180_000);
});
