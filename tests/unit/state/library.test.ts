import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../src/renderer/lib/state/library.svelte';
import { Trash } from '../../../src/renderer/lib/state/trash.svelte';
import { SAMPLE_FILE } from '../helpers/temp-library';
import { type StateLibrary, said, stateLibrary } from './helpers';

let lib: StateLibrary;
beforeEach(() => {
  lib = stateLibrary();
});
afterEach(() => lib.close());

describe('the library list', () => {
  it('lists the imported articles and drops a deleted one, which the trash then holds', async () => {
    const library = new Library(lib.api, lib.notices);
    const trash = new Trash(lib.api, lib.notices);
    expect(library.documents).toEqual([]);
    const { document } = await lib.importFile(SAMPLE_FILE);

    const refreshing = library.refresh();
    expect(library.loading).toBe(true);
    await refreshing;
    expect(library.loading).toBe(false);
    expect(library.documents.map((doc) => doc.id)).toEqual([document.id]);

    expect(await library.remove(document.id)).toBe(true);
    expect(library.documents).toEqual([]);
    await trash.refresh();
    expect(trash.documents.map((doc) => doc.id)).toEqual([document.id]);
    expect(said(lib.notices)).toEqual([]);
  });

  it('reports a document it cannot delete and keeps listing it', async () => {
    const library = new Library(lib.api, lib.notices);
    const { document } = await lib.importFile(SAMPLE_FILE);
    await library.refresh();
    expect(await library.remove('no-such-document')).toBe(false);
    expect(library.documents.map((doc) => doc.id)).toEqual([document.id]);
    expect(said(lib.notices)).toEqual([expect.stringMatching(/^Could not delete the document: /)]);
  });
});

describe('the trash', () => {
  it('restores a document to the library, then empties for good', async () => {
    const library = new Library(lib.api, lib.notices);
    const trash = new Trash(lib.api, lib.notices);
    const first = (await lib.importFile(SAMPLE_FILE)).document;
    const second = (await lib.importText('A second article about the city budget.\n', 'budget.txt')).document;
    await library.refresh();
    await library.remove(first.id);
    await library.remove(second.id);
    await trash.refresh();
    expect(trash.documents).toHaveLength(2);

    expect(await trash.restore(first.id)).toBe(true);
    expect(trash.documents.map((doc) => doc.id)).toEqual([second.id]);
    await library.refresh();
    expect(library.documents.map((doc) => doc.id)).toEqual([first.id]);

    expect(await trash.empty()).toBe(true);
    expect(trash.documents).toEqual([]);
    expect(trash.busy).toBe(false);
    expect(said(lib.notices)).toEqual([expect.stringMatching(/^Restored “.+” to the library\.$/), 'Deleted 1 document for good.']);
  });
});
