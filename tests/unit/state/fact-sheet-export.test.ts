import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactSheetExport } from '../../../src/renderer/lib/state/fact-sheet-export.svelte';
import { type StateLibrary, libraryWithSample } from './helpers';

let lib: StateLibrary;
let documentId: string;
beforeEach(async () => {
  ({ lib, documentId } = await libraryWithSample());
});
afterEach(() => lib.close());

describe('the export dialog', () => {
  it('previews the sheet the library renders, in each format chosen', async () => {
    const exporter = new FactSheetExport(lib.api, lib.notices);
    await exporter.open(documentId);
    expect(exporter.format).toBe('html');
    expect(exporter.loading).toBe(false);
    expect(exporter.error).toBeNull();
    const html = await lib.call('export.factSheet', { documentId, format: 'html' });
    expect(exporter.preview).toEqual(html);

    await exporter.choose('csv');
    expect(exporter.preview).toEqual(await lib.call('export.factSheet', { documentId, format: 'csv' }));
    // PDF is printed from the HTML page: its preview is the HTML sheet.
    await exporter.choose('pdf');
    expect(exporter.format).toBe('pdf');
    expect(exporter.preview).toEqual(html);
  });

  it('shows why a format cannot be rendered, with no preview to save', async () => {
    const exporter = new FactSheetExport(lib.api, lib.notices);
    await exporter.open(documentId);
    // ClaimReview needs the address where the fact-checks are published, which this library has not set.
    await exporter.choose('claimreview');
    expect(exporter.preview).toBeNull();
    expect(exporter.error?.message).toBeTruthy();
    expect(await exporter.save()).toBe(false);

    await exporter.choose('md');
    expect(exporter.error).toBeNull();
    expect(exporter.preview?.text).toContain('#');
  });
});
