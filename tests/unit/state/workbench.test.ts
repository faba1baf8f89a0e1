import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../../src/renderer/lib/state/workbench.svelte';
import { SAMPLE_FILE } from '../helpers/temp-library';
import { installBrowser } from './browser';
import { type StateLibrary, said, stateLibrary } from './helpers';

let lib: StateLibrary;
let workbench: Workbench;
beforeEach(async () => {
  installBrowser('http://127.0.0.1/#/');
  lib = stateLibrary();
  workbench = new Workbench(lib.api);
  await workbench.session.load();
});
afterEach(() => {
  lib.close();
  vi.unstubAllGlobals();
});

const settled = () => vi.waitFor(() => expect(workbench.imports.running).toBe(0), { timeout: 30_000, interval: 50 });

describe('the window’s state', () => {
  it('imports dropped articles and opens one shared file at a time, saying so', async () => {
    const article = new File([readFileSync(SAMPLE_FILE)], 'sample.txt');
    const shared = (name: string) => new File(['not a shared file'], name);
    workbench.dropFiles([article, shared('first.factdesk.json'), shared('second.factdesk.json')]);
    expect(workbench.imports.rows.map((row) => row.fileName)).toEqual(['sample.txt']);
    expect(workbench.incoming.step).toMatchObject({ fileName: 'first.factdesk.json' });
    expect(said(workbench.notices)).toContain('Shared files open one at a time: opening first.factdesk.json first.');
    await vi.waitFor(() => expect(workbench.incoming.step.name).toBe('refused'));
    await settled();
    const [stored] = await lib.call('documents.list', {});
    expect(workbench.session.route).toEqual({ name: 'document', id: stored.id });
  });

  it('opens the export dialog only over an open article, with the sheet rendered for it', async () => {
    workbench.receive({ type: 'export-fact-sheet' });
    expect(workbench.dialog).toBeNull();
    expect(said(workbench.notices)).toEqual(['Open an article first: its fact sheet is what gets exported.']);

    const { document } = await lib.importFile(SAMPLE_FILE);
    workbench.session.openDocument(document.id);
    workbench.follow(workbench.session.route);
    await vi.waitFor(() => expect(workbench.doc.document?.id).toBe(document.id));
    workbench.receive({ type: 'export-fact-sheet' });
    expect(workbench.dialog).toBe('export');
    await vi.waitFor(() => expect(workbench.exporter.preview?.mimeType).toMatch(/html/));

    workbench.session.openLibrary();
    workbench.follow(workbench.session.route);
    expect(workbench.dialog).toBeNull();
    expect(workbench.doc.document).toBeNull();
  });

  it('after a backup is restored, shows the library as the backup holds it', async () => {
    const { document } = await lib.importFile(SAMPLE_FILE);
    expect(await workbench.backups.create()).toBe(true);
    const [backup] = workbench.backups.list;
    expect(await workbench.deleteDocument(document.id)).toBe(true);
    await vi.waitFor(() => expect(workbench.trash.documents).toHaveLength(1));

    workbench.openDialog('settings');
    await workbench.restoreBackup(backup.fileName);
    expect(workbench.dialog).toBeNull();
    await vi.waitFor(() => expect(workbench.library.documents.map((doc) => doc.id)).toEqual([document.id]));
    await vi.waitFor(() => expect(workbench.trash.documents).toEqual([]));
  });
});
