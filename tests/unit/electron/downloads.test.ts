/** The will-download handler: the page's own blob: downloads get the native Save dialog, nothing else is saved. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDialogOptions, saveDownloadsWithDialog } from '../../../src/main/electron/downloads';

type WillDownload = (event: unknown, item: unknown) => void;

type Done = (event: unknown, state: string) => void;

function download(url: string, fileName: string) {
  const calls: { cancelled: boolean; options: unknown; done?: Done } = { cancelled: false, options: null };
  const item = {
    getURL: () => url,
    getFilename: () => fileName,
    getSavePath: () => join('/home/ada/Desktop', fileName),
    cancel: () => (calls.cancelled = true),
    setSaveDialogOptions: (options: unknown) => (calls.options = options),
    once: (event: string, listener: Done) => {
      expect(event).toBe('done');
      calls.done = listener;
    }
  };
  return { item, calls };
}

function handler(saved: string[] = []): WillDownload {
  let registered: WillDownload | null = null;
  saveDownloadsWithDialog(
    { on: ((event: string, listener: WillDownload) => {
      expect(event).toBe('will-download');
      registered = listener;
    }) as never },
    () => '/home/ada/Documents',
    (path) => saved.push(path)
  );
  return registered!;
}

describe('fact sheet downloads in the desktop app', () => {
  it('asks where to save a blob: download, suggesting its name in the documents folder', () => {
    const { item, calls } = download('blob:file:///4f1c-…', 'pardon-fact-sheet.claimreview.json');
    handler()({}, item);
    expect(calls.cancelled).toBe(false);
    expect(calls.options).toEqual({
      title: 'Save fact sheet',
      defaultPath: join('/home/ada/Documents', 'pardon-fact-sheet.claimreview.json'),
      filters: [{ name: 'ClaimReview JSON-LD', extensions: ['json'] }]
    });
  });

  it('reports the path of each file written, and nothing for a Save dialog that was cancelled', () => {
    const saved: string[] = [];
    const onDownload = handler(saved);
    const written = download('blob:file:///1', 'pardon-fact-sheet.pdf');
    onDownload({}, written.item);
    written.calls.done!({}, 'completed');
    const cancelled = download('blob:file:///2', 'pardon-fact-sheet.md');
    onDownload({}, cancelled.item);
    cancelled.calls.done!({}, 'cancelled');
    expect(saved).toEqual([join('/home/ada/Desktop', 'pardon-fact-sheet.pdf')]);
  });

  it('cancels any download that the page did not make itself', () => {
    for (const url of ['https://tracker.example/payload.exe', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>']) {
      const { item, calls } = download(url, 'payload.exe');
      handler()({}, item);
      expect(calls, url).toEqual({ cancelled: true, options: null });
    }
  });

  it('offers the filter of each export format', () => {
    expect(saveDialogOptions('a-fact-sheet.pdf', '/d').filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(saveDialogOptions('a-fact-sheet.md', '/d').filters).toEqual([{ name: 'Markdown', extensions: ['md'] }]);
    expect(saveDialogOptions('a-fact-sheet.csv', '/d').filters).toEqual([{ name: 'CSV table', extensions: ['csv'] }]);
    expect(saveDialogOptions('a-fact-sheet.html', '/d').filters).toEqual([{ name: 'Web page', extensions: ['html'] }]);
    expect(saveDialogOptions('notes.txt', '/d').filters).toEqual([]);
  });

  it('gives every filter extensions without dots, as the native dialogs need', () => {
    const names = ['a.claimreview.json', 'a.html', 'a.pdf', 'a.md', 'a.csv', 'a.factdesk.json', 'a.jsonld', 'a.brat.zip', 'a.ann'];
    for (const name of names) {
      const [filter] = saveDialogOptions(name, '/d').filters!;
      expect(filter, name).toBeDefined();
      for (const extension of filter!.extensions) expect(extension, name).toMatch(/^[a-z]+$/);
    }
  });

  it('titles the dialog by what is saved, not always as a fact sheet', () => {
    const titles = Object.fromEntries(
      ['a-fact-sheet.pdf', 'a-fact-sheet.claimreview.json', 'a-fact-sheet.md', 'a-fact-sheet.csv', 'a-fact-sheet.html',
        'pardon.factdesk.json', 'pardon.annotations.jsonld', 'pardon.brat.zip', 'pardon.ann', 'notes.txt'].map((name) => [
        name,
        saveDialogOptions(name, '/d').title
      ])
    );
    expect(titles).toEqual({
      'a-fact-sheet.pdf': 'Save fact sheet',
      'a-fact-sheet.claimreview.json': 'Save fact sheet',
      'a-fact-sheet.md': 'Save fact sheet',
      'a-fact-sheet.csv': 'Save fact sheet',
      'a-fact-sheet.html': 'Save fact sheet',
      'pardon.factdesk.json': 'Save annotation file',
      'pardon.annotations.jsonld': 'Save W3C Web Annotations',
      'pardon.brat.zip': 'Save brat annotations',
      'pardon.ann': 'Save brat annotations',
      'notes.txt': 'Save file'
    });
    expect(saveDialogOptions('PARDON.BRAT.ZIP', '/d').filters).toEqual([{ name: 'brat annotations (.txt + .ann in a .zip)', extensions: ['zip'] }]);
  });
});
