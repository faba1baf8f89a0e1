import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/shared/api/file-limits';
import { Imports } from '../../../src/renderer/lib/state/imports.svelte';
import { SAMPLE_FILE } from '../helpers/temp-library';
import { installBrowser } from './browser';
import { type StateLibrary, stateLibrary } from './helpers';

let lib: StateLibrary;
beforeEach(() => {
  installBrowser('http://127.0.0.1/#/');
  lib = stateLibrary();
});
afterEach(() => {
  lib.close();
  vi.unstubAllGlobals();
});

/** The tray, and what it asked of the window. */
function tray() {
  const opened: string[] = [];
  let imported = 0;
  let where = '#/';
  const imports = new Imports(lib.api, {
    open: (id) => opened.push(id),
    location: () => where,
    imported: () => imported++
  });
  return { imports, opened, imported: () => imported, moveTo: (hash: string) => (where = hash) };
}

const sample = () => new File([readFileSync(SAMPLE_FILE)], 'sample.txt', { type: 'text/plain' });
const settled = (imports: Imports) => vi.waitFor(() => expect(imports.running).toBe(0), { timeout: 30_000, interval: 50 });

describe('the import tray', () => {
  it('imports a file through its job, stores it, and opens it', async () => {
    const { imports, opened, imported } = tray();
    imports.start([sample()]);
    expect(imports.rows.map((row) => row.state)).toEqual(['reading']);
    expect(imports.running).toBe(1);
    await settled(imports);
    const [row] = imports.rows;
    expect(row).toMatchObject({ state: 'done', progress: 1, error: null });
    const listed = await lib.call('documents.list', {});
    expect(listed.map((doc) => doc.id)).toEqual([row.outcome?.document.id]);
    expect(opened).toEqual([row.outcome?.document.id]);
    expect(imported()).toBe(1);
    expect(imports.announcement).toBe('sample.txt: imported.');
  });

  it('does not open the document when the user has moved on meanwhile', async () => {
    const { imports, opened, moveTo } = tray();
    imports.start([sample()]);
    moveTo('#/trash');
    await settled(imports);
    expect(imports.rows[0].state).toBe('done');
    expect(opened).toEqual([]);
  });

  it('refuses a file over the size limit at once and stores nothing', async () => {
    const { imports, opened } = tray();
    const huge = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'huge.txt');
    imports.start([huge]);
    expect(imports.rows[0]).toMatchObject({ state: 'failed', error: { code: 'too_large' } });
    expect(imports.announcement).toMatch(/^huge\.txt: import failed\. /);
    expect(await lib.call('documents.list', {})).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('reports a file the importer refuses, stores nothing, and clears finished rows on request', async () => {
    const { imports, opened } = tray();
    imports.start([new File(['not a zip'], 'broken.docx')]);
    await settled(imports);
    expect(imports.rows[0]).toMatchObject({ state: 'failed', outcome: null });
    expect(imports.rows[0].error?.message).toContain('broken.docx');
    expect(await lib.call('documents.list', {})).toEqual([]);
    expect(opened).toEqual([]);
    imports.setExpanded(false);
    expect(imports.expanded).toBe(false);
    imports.clearFinished();
    expect(imports.rows).toEqual([]);
  });
});
