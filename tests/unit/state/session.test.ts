import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notices } from '../../../src/renderer/lib/state/notices.svelte';
import { RecentUsers } from '../../../src/renderer/lib/state/recent-users.svelte';
import { Session } from '../../../src/renderer/lib/state/session.svelte';
import { type Browser, installBrowser } from './browser';
import { type StateLibrary, said, stateLibrary } from './helpers';

let lib: StateLibrary;
let browser: Browser;
beforeEach(() => {
  browser = installBrowser('http://127.0.0.1/#/trash');
  lib = stateLibrary();
});
afterEach(() => {
  lib.close();
  vi.unstubAllGlobals();
});

describe('the session', () => {
  it('starts on the view the address names and loads the settings, labels and scales of the library', async () => {
    const session = new Session(lib.api, lib.notices);
    expect(session.route).toEqual({ name: 'trash' });
    expect(session.loaded).toBe(false);
    await session.load();
    expect(session.loaded).toBe(true);
    expect(session.needsName).toBe(true);
    expect(session.labels.length).toBeGreaterThan(0);
    expect(session.labelsByKey.get(session.labels[0].key)).toEqual(session.labels[0]);
    expect(session.verdictScale?.id).toBe(session.scales[0].id);
    expect(session.info?.version).toBe('0.1.0-test');
    expect(said(lib.notices)).toEqual([]);
  });

  it('saves a name, and refuses a bad address with a notice while the settings stay as stored', async () => {
    const session = new Session(lib.api, lib.notices);
    await session.load();
    expect(await session.updateSettings({ userName: 'Ana Checker' })).toBe(true);
    expect(session.needsName).toBe(false);
    expect(await session.updateSettings({ publishedBaseUrl: 'not an address' })).toBe(false);
    expect(said(lib.notices)).toEqual([expect.stringMatching(/^Settings not saved: /)]);
    expect(session.settings).toEqual(await lib.call('settings.get', {}));
    expect(session.settings?.userName).toBe('Ana Checker');
  });

  it('lists a saved verdict scale in place of the version it replaces', async () => {
    const session = new Session(lib.api, lib.notices);
    await session.load();
    const [scale] = session.scales;
    const labels = scale.labels.map(({ label, value }) => ({ label, value }));
    const saved = await session.saveScale({ id: scale.id, name: 'Our scale', labels });
    expect(saved).toMatchObject({ id: scale.id, name: 'Our scale', version: scale.version + 1 });
    expect(session.scales).toEqual(await lib.call('scales.list', {}));
    expect(await session.saveScale({ name: 'Empty', labels: [] })).toBeNull();
    expect(said(lib.notices)).toEqual([expect.stringMatching(/^Verdict scale not saved: /)]);
  });

  it('puts the open view in the address and follows the address when the user moves', () => {
    const session = new Session(lib.api, lib.notices);
    session.openDocument('d 1');
    expect(session.route).toEqual({ name: 'document', id: 'd 1' });
    expect(location.hash).toBe('#/documents/d%201');
    browser.navigate('#/entities');
    expect(session.route).toEqual({ name: 'entities' });
    session.openLibrary();
    expect(session.route).toEqual({ name: 'library' });
  });
});

describe('the recent names', () => {
  it('keeps the names worked under, newest first, for the next window', () => {
    const recent = new RecentUsers();
    recent.remember('Ana Checker');
    recent.remember(' Ben Reviewer ');
    recent.remember('Ana Checker');
    expect(recent.names).toEqual(['Ana Checker', 'Ben Reviewer']);
    expect(new RecentUsers().names).toEqual(['Ana Checker', 'Ben Reviewer']);
  });
});

describe('the notices', () => {
  it('shows the same message once, the newest four, and lets an info go after a while', () => {
    vi.useFakeTimers();
    try {
      const notices = new Notices();
      notices.error('Import failed', { code: 'internal', message: 'Broken file', details: ['page 2'] });
      for (const n of [1, 2, 3, 3, 4]) notices.info(`Message ${n}`);
      expect(notices.items.map((item) => item.message)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
      vi.advanceTimersByTime(10_000);
      expect(notices.items).toEqual([]);
      notices.error('Import failed', { code: 'internal', message: 'Broken file' });
      notices.dismiss(notices.items[0].id);
      expect(notices.items).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
