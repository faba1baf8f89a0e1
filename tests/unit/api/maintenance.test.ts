import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupIfDue, listBackups } from '../../../src/main/store/backup';
import { scheduleBackups } from '../../../src/main/store/backup-schedule';
import { type TempLibrary, SAMPLE_FILE, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

describe('trash', () => {
  it('moves a deleted document to the trash, restores it with its annotations, and empties only on confirmation', async () => {
    await lib.call('settings.update', { userName: 'Ana' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    await lib.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'other' });
    await lib.call('documents.delete', { id: document.id });
    expect(await lib.call('documents.list', {})).toEqual([]);
    expect((await lib.call('trash.list', {})).map((d) => [d.id, d.mentionCount])).toEqual([[document.id, 1]]);
    expect(await lib.service.call('mentions.create', { documentId: document.id, start: 0, end: 7, type: 'person' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await lib.call('trash.restore', { id: document.id });
    expect((await lib.call('documents.get', { id: document.id })).mentions).toHaveLength(1);

    await lib.call('documents.delete', { id: document.id });
    expect(await lib.service.call('trash.empty', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await lib.service.call('trash.empty', { confirm: false })).toMatchObject({ ok: false });
    expect(await lib.call('trash.list', {})).toHaveLength(1);
    expect(await lib.call('trash.empty', { confirm: true })).toEqual({ deleted: 1 });
    expect(await lib.call('trash.list', {})).toEqual([]);
    expect(lib.db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: 0 });
  });

  it('brings a trashed article back when the same text is imported again', async () => {
    const { document } = await lib.importFile(SAMPLE_FILE);
    await lib.call('documents.delete', { id: document.id });
    const again = await lib.importFile(SAMPLE_FILE);
    expect(again).toMatchObject({ existing: true, document: { id: document.id, deletedAt: null } });
    expect(await lib.call('trash.list', {})).toEqual([]);
  });
});

describe('backups', () => {
  it('backs up online, lists newest first, keeps the last 10, and restores with a safety copy', async () => {
    await lib.importFile(SAMPLE_FILE);
    const first = await lib.call('backups.create', {});
    expect(first.path.startsWith(join(lib.dir, 'backups'))).toBe(true);
    await lib.importText('A second article about prison reform.');
    expect(await lib.call('documents.list', {})).toHaveLength(2);

    const outcome = await lib.call('backups.restore', { fileName: first.fileName });
    expect(outcome.safetyCopy.fileName).toMatch(/-before-restore\.sqlite$/);
    expect(await lib.call('documents.list', {})).toHaveLength(1);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The safety copy holds the state just before the restore.
    await lib.call('backups.restore', { fileName: outcome.safetyCopy.fileName });
    expect(await lib.call('documents.list', {})).toHaveLength(2);

    for (let i = 0; i < 12; i += 1) await lib.call('backups.create', {});
    const regular = (await lib.call('backups.list', {})).filter((b) => !b.fileName.includes('before-restore'));
    expect(regular).toHaveLength(10);
  });

  it('refuses a damaged or foreign file and leaves the library as it was', async () => {
    await lib.importFile(SAMPLE_FILE);
    const before = lib.snapshot();
    const junk = join(lib.dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    const foreign = join(lib.dir, 'foreign.sqlite');
    new Database(foreign).exec('CREATE TABLE notes (x TEXT)');
    for (const path of [junk, foreign, join(lib.dir, 'missing.sqlite')]) {
      expect(await lib.service.call('backups.restore', { path })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await lib.service.call('backups.restore', { fileName: 'factdesk-20990101T000000000Z.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lib.service.call('backups.restore', { fileName: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(lib.snapshot()).toBe(before);
  });

  it('makes a daily backup only when the newest is older than a day', async () => {
    const dir = join(lib.dir, 'backups');
    let now = Date.parse('2026-03-01T08:00:00Z');
    const clock = () => new Date(now);
    expect(await backupIfDue(lib.db, dir, clock)).not.toBeNull();
    now += 60 * 60 * 1000;
    expect(await backupIfDue(lib.db, dir, clock)).toBeNull();
    now += 24 * 60 * 60 * 1000;
    expect(await backupIfDue(lib.db, dir, clock)).not.toBeNull();
  });

  it('makes the start-up backup as soon as the app or browser mode opens the library', async () => {
    const stop = scheduleBackups(lib.db, { log: (message) => { throw new Error(message); } });
    try {
      await expect.poll(() => listBackups(join(lib.dir, 'backups')).length).toBe(1);
    } finally {
      await stop();
    }
  });
});
