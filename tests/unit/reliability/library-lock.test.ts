import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimLibrary, LOCK_FILE } from '../../../src/main/library-lock';

let dir: string;
const clock = () => new Date('2026-03-01T09:30:00.000Z');

/** A real process that runs until killed, and its pid. */
function runningProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { pid: child.pid!, stop: async () => (child.kill(), await exited) };
}

function writeLock(pid: number, kind = 'browser mode') {
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, kind, startedAt: '2026-02-28T08:00:00.000Z', host: hostname() }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('one process owns a library', () => {
  it('refuses a second owner, naming the holder: kind, process id and start time', () => {
    const first = claimLibrary(dir, 'browser mode', { clock });
    expect(first.ok).toBe(true);
    const second = claimLibrary(dir, 'desktop app', { clock });
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          `The library in ${dir} is already open in the Factdesk browser mode (process ${process.pid}, started 2026-03-01T09:30:00.000Z). ` +
          'Close it there first, or open another library with --data.'
      }
    });
    if (first.ok) first.value.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(claimLibrary(dir, 'desktop app', { clock }).ok).toBe(true);
  });

  it('refuses while another running process holds the lock, and takes it over once that process is gone', async () => {
    const other = runningProcess();
    writeLock(other.pid, 'desktop app');
    const refused = claimLibrary(dir, 'browser mode', { clock });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain(`Factdesk desktop app (process ${other.pid}, started 2026-02-28T08:00:00.000Z)`);
    await other.stop();
    const claimed = claimLibrary(dir, 'browser mode', { clock });
    expect(claimed.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'browser mode' });
  });

  it('takes over a damaged lock file', () => {
    writeFileSync(join(dir, LOCK_FILE), '{"pid": ');
    expect(claimLibrary(dir, 'browser mode', { clock }).ok).toBe(true);
  });

  it('release leaves a lock that another process took over in place', () => {
    const claim = claimLibrary(dir, 'browser mode', { clock });
    if (!claim.ok) throw new Error(claim.error.message);
    writeLock(process.pid + 1_000_000);
    claim.value.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
