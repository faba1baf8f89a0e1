/** The automatic backups stop in order when the library closes, and only real failures are reported. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHost } from '../../../src/main/service-host/host';
import { connectService, type FrontMessage, type HostMessage } from '../../../src/main/service-host/protocol';
import { portChannel } from '../../../src/main/service-host/thread';
import { createBackup, listBackups } from '../../../src/main/store/backup';
import { scheduleBackups } from '../../../src/main/store/backup-schedule';
import { openLibrary } from '../../../src/main/store/open';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-backup-schedule-');
});
afterEach(() => {
  vi.restoreAllMocks();
  lib.close();
});

/** Lets any backup still running after the library closed reach its end (and its error, if any). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('automatic backups and closing the library', () => {
  it('stops the start-up backup when the library is closed at once: no failure, no partial file, the connection closes', async () => {
    const logged: string[] = [];
    const stop = scheduleBackups(lib.db, { log: (message) => logged.push(message) });
    await stop();
    lib.db.close();
    await settle();
    expect(logged).toEqual([]);
    expect(existsSync(join(lib.dir, 'backups')) ? readdirSync(join(lib.dir, 'backups')) : []).toEqual([]);
    // afterEach closes it again: better-sqlite3 allows that, and it proves nothing else holds it.
    lib = { ...lib, db: openLibrary(lib.dir) };
  });

  it('still reports a backup that truly fails, and stops cleanly after it', async () => {
    // A file where the backups folder should be: the backup cannot be written.
    writeFileSync(join(lib.dir, 'backups'), 'not a folder');
    const logged: string[] = [];
    const stop = scheduleBackups(lib.db, { log: (message) => logged.push(message) });
    await expect.poll(() => logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Factdesk: automatic backup failed: .*backups/);
    await expect(stop()).resolves.toBeUndefined();
  });

  it('a backup stopped while it copies leaves no partial file, and a later one is complete', async () => {
    // Big enough that the copy takes several steps.
    await lib.importText(Array.from({ length: 6000 }, (_, i) => `Paragraph ${i} says the minister spoke on day ${i}.`).join('\n\n'));
    const dir = join(lib.dir, 'backups');
    const clock = () => new Date('2026-02-01T09:00:00.000Z');
    const stopping = new AbortController();
    const copy = createBackup(lib.db, dir, clock, { signal: stopping.signal });
    const partial = join(dir, 'factdesk-20260201T090000000Z.sqlite');
    const stopOnceStarted = () => (existsSync(partial) ? stopping.abort() : setImmediate(stopOnceStarted));
    stopOnceStarted();
    await expect(copy).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir)).toEqual([]);
    expect((await createBackup(lib.db, dir, clock)).bytes).toBeGreaterThan(100 * 4096);
  });

  it('the service host waits for the start-up backup before it closes the library on shutdown', async () => {
    const errors = vi.spyOn(console, 'error');
    const { port1, port2 } = new MessageChannel();
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    lib.db.close();
    startHost(portChannel<FrontMessage, HostMessage>(port2, 'close'), { dataDir: lib.dir, mode: 'web', version: 'test' }, () => ended());
    const front = connectService(portChannel<HostMessage, FrontMessage>(port1, 'close'));
    expect((await front.ready).ok).toBe(true);
    await front.shutdown();
    await end;
    await settle();
    port1.close();
    expect(errors.mock.calls.flat().join('\n')).not.toContain('automatic backup failed');
    // Stopped or finished: whatever is in the folder is a whole backup.
    for (const backup of listBackups(join(lib.dir, 'backups'))) expect(backup.bytes).toBeGreaterThan(0);
    lib = { ...lib, db: openLibrary(lib.dir) };
  });
});
