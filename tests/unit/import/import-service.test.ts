/**
 * Imports through the API service, parsed in a real worker thread: progress, cancel, refusals
 * that leave the library untouched, and hostile pages that run nothing and fetch nothing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../src/shared/api/methods/imports';
import type { AppError, ErrorCode } from '../../../src/shared/result';
import { parseArticleFile } from '../../../src/main/import/parse-runner';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { articleFixture } from './fixtures';

const PAGES = 300;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A long PDF: on every page 30 lines of body text, a heading half-way down, and a page number. */
async function longPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let n = 1; n <= PAGES; n++) {
    const page = doc.addPage([612, 792]);
    for (let line = 0; line < 30; line++) {
      const y = 720 - line * 14 - (line >= 15 ? 30 : 0);
      page.drawText(`Line ${line + 1} of page ${n}: the barrier report goes on and on about costs`, { x: 72, y, size: 11, font });
    }
    page.drawText(`Section ${n}`, { x: 72, y: 720 - 15 * 14 + 2, size: 16, font });
    page.drawText(String(n), { x: 300, y: 40, size: 9, font });
  }
  return doc.save();
}

let lib: TempLibrary;
let bigPdf: Uint8Array;

beforeAll(async () => {
  bigPdf = await longPdf();
}, 60_000);
beforeEach(() => {
  lib = tempLibrary('factdesk-import-');
});
afterEach(() => lib.close());

async function start(fileName: string, bytes: Uint8Array, htmlMode?: 'article' | 'full-text'): Promise<string> {
  const { jobId, status } = await lib.call('imports.start', { fileName, dataBase64: base64(bytes), htmlMode });
  expect(status).toMatchObject({ jobId, fileName, state: 'running' });
  return jobId;
}

/** Polls the job every 10 ms until `until` holds; returns every status seen. */
async function poll(jobId: string, until: (status: ImportJobStatus) => boolean, timeoutMs = 60_000): Promise<ImportJobStatus[]> {
  const seen: ImportJobStatus[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await lib.call('imports.status', { jobId });
    seen.push(status);
    if (until(status)) return seen;
    if (Date.now() > deadline) throw new Error(`job still ${status.state} (${status.stage}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const finished = (status: ImportJobStatus) => status.state !== 'running';

async function refusedImport(fileName: string, bytes: Uint8Array, code: ErrorCode, htmlMode?: 'article' | 'full-text'): Promise<AppError> {
  const before = lib.snapshot();
  const result = await lib.service.call('documents.import', { fileName, dataBase64: base64(bytes), htmlMode });
  if (result.ok) throw new Error(`expected ${fileName} to be refused`);
  expect(result.error.code).toBe(code);
  expect(result.error.message).toContain(`Cannot import "${fileName}"`);
  expect(lib.snapshot()).toBe(before);
  return result.error;
}

describe('import jobs', () => {
  it('parses a long PDF in a worker, reporting progress page by page, then stores it', async () => {
    const jobId = await start('long-report.pdf', bigPdf);
    const seen = await poll(jobId, finished);
    const final = seen.at(-1)!;
    expect(final).toMatchObject({ state: 'done', progress: 1, stage: 'Imported', error: null });
    expect(final.outcome?.existing).toBe(false);
    const progress = seen.map((status) => status.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const reading = seen.filter((status) => /^Reading page \d+ of 300$/.test(status.stage));
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.some((status) => status.progress > 0 && status.progress < 0.95)).toBe(true);

    const view = await lib.call('documents.get', { id: final.outcome!.document.id });
    const { text, blocks } = view.document;
    expect(view.document.format).toBe('pdf');
    expect(blocks.filter((block) => block.kind === 'heading')).toHaveLength(PAGES);
    expect(blocks.at(-1)?.page).toBe(PAGES);
    const lastHeading = blocks.filter((block) => block.kind === 'heading').at(-1)!;
    expect([text.slice(lastHeading.start, lastHeading.end), lastHeading.page]).toEqual(['Section 300', PAGES]);
    expect(text).not.toMatch(/\n\n\d+\n\n/); // page numbers dropped
    expect(await lib.call('imports.list', {})).toEqual([final]);
  }, 90_000);

  it('cancels a running import: the worker stops and nothing is stored, then or later', async () => {
    const before = lib.snapshot();
    const jobId = await start('long-report.pdf', bigPdf);
    await poll(jobId, (status) => status.stage.startsWith('Reading page') || finished(status));
    const cancelled = await lib.call('imports.cancel', { jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', stage: 'Cancelled', outcome: null });
    expect(cancelled.error).toEqual({ code: 'cancelled', message: 'Import of "long-report.pdf" cancelled; nothing was stored.' });
    expect(lib.snapshot()).toBe(before);
    // Longer than the whole parse takes: a parse that kept running would have stored by now.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await lib.call('imports.status', { jobId })).toEqual(cancelled);
    expect(lib.snapshot()).toBe(before);
    expect(await lib.call('documents.list', {})).toEqual([]);
  }, 60_000);

  it('cancels a job before its worker has even started', async () => {
    const before = lib.snapshot();
    const jobId = await start('report.pdf', articleFixture('report.pdf'));
    expect((await lib.call('imports.cancel', { jobId })).state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await lib.call('imports.status', { jobId })).state).toBe('cancelled');
    expect(lib.snapshot()).toBe(before);
  }, 30_000);

  it('refuses what needs no parsing at once, without a job', async () => {
    for (const [fileName, bytes, code] of [
      ['photo.png', new Uint8Array([1, 2, 3]), 'unsupported'],
      ['empty.pdf', new Uint8Array(0), 'empty']
    ] as const) {
      const result = await lib.service.call('imports.start', { fileName, dataBase64: base64(bytes) });
      expect(result.ok ? null : result.error.code).toBe(code);
    }
    const tooLarge = await lib.service.call('imports.start', { fileName: 'big.pdf', dataBase64: base64(new Uint8Array(21 * 1024 * 1024)) });
    expect(tooLarge).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'Cannot import "big.pdf": the file (21.0 MB) is larger than the 20 MB import limit.' }
    });
    const notBase64 = await lib.service.call('imports.start', { fileName: 'a.pdf', dataBase64: 'not base64!' });
    expect(notBase64.ok ? null : notBase64.error.code).toBe('invalid_input');
    expect(await lib.call('imports.list', {})).toEqual([]);
    const unknown = await lib.service.call('imports.status', { jobId: 'no-such-job' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });
});

describe('parseArticleFile', () => {
  it('reads small text files in this thread, where a cancel before the parse stops it too', async () => {
    const bytes = new TextEncoder().encode('A short note.\n');
    const parse = parseArticleFile({ fileName: 'note.txt', bytes }, () => {});
    parse.cancel();
    expect(await parse.result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await parseArticleFile({ fileName: 'note.txt', bytes }, () => {}).result).toMatchObject({ ok: true, value: { text: 'A short note.\n' } });
  });

  it('reads a text file over 1 MB in a worker thread, to the same text and blocks', async () => {
    const text = 'A paragraph of a long plain-text report, repeated.\n\n'.repeat(25_000);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const result = await parseArticleFile({ fileName: 'long.txt', bytes }, () => {}).result;
    expect(result.ok && result.value.text).toBe(text);
    expect(result.ok && result.value.blocks).toHaveLength(25_000);
  }, 30_000);
});

describe('documents.import through the worker', () => {
  it('imports a PDF, a Word file and a saved page, and finds the same text again', async () => {
    for (const [name, format] of [
      ['report.pdf', 'pdf'],
      ['article.docx', 'docx'],
      ['saved-page.html', 'html']
    ] as const) {
      const { document, existing } = await lib.call('documents.import', { fileName: name, dataBase64: base64(articleFixture(name)) });
      expect([document.format, document.fileName, existing]).toEqual([format, name, false]);
    }
    const again = await lib.call('documents.import', { fileName: 'copy.pdf', dataBase64: base64(articleFixture('report.pdf')) });
    expect(again.existing).toBe(true);
    const view = await lib.call('documents.get', { id: again.document.id });
    expect(view.document.blocks.map((block) => block.page)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3]);
    expect(view.document.source.fileName).toBe('report.pdf');
  }, 60_000);

  it('refuses damaged, protected and unreadable files naming the file, and stores nothing', async () => {
    const docx = articleFixture('article.docx');
    await refusedImport('scan.pdf', articleFixture('scanned.pdf'), 'no_text');
    await refusedImport('locked.pdf', articleFixture('encrypted.pdf'), 'encrypted');
    await refusedImport('cut.docx', docx.subarray(0, docx.length - 300), 'corrupt');
  }, 60_000);

  it('refuses a page without an article, then imports its full text on request', async () => {
    const page = articleFixture('no-article.html');
    const error = await refusedImport('sign-in.html', page, 'no_article');
    expect(error.message).toContain('full visible text');
    const { document } = await lib.call('documents.import', { fileName: 'sign-in.html', dataBase64: base64(page), htmlMode: 'full-text' });
    expect(document.title).toBe('Sign in | The Estuary Courier');
  }, 30_000);
});

describe('hostile pages in the worker', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];
  let markerDir: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    markerDir = mkdtempSync(join(tmpdir(), 'factdesk-hostile-'));
  });
  afterAll(async () => {
    rmSync(markerDir, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('runs no script and fetches nothing while importing, in either mode', async () => {
    const marker = join(markerDir, 'script-ran');
    const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); fetch('${origin}/script')`;
    const paragraph = '<p>The council counts 11,400 homes in the flood zone behind the barrier, and 600 businesses.</p>';
    const html =
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile</title><script>${payload}</script>` +
      `<script src="${origin}/src.js"></script><link rel="stylesheet" href="${origin}/style.css"></head>` +
      `<body onload="${payload.replace(/"/g, '&quot;')}"><article>${paragraph.repeat(4)}` +
      `<img src="${origin}/img.png" onerror="${payload.replace(/"/g, '&quot;')}"><iframe src="${origin}/frame"></iframe>` +
      `<a href="javascript:${payload.replace(/"/g, '&quot;')}">click</a></article></body></html>`;
    for (const htmlMode of ['article', 'full-text'] as const) {
      const { document } = await lib.call('documents.import', { fileName: `hostile-${htmlMode}.html`, dataBase64: base64(new TextEncoder().encode(html)), htmlMode });
      const { text } = (await lib.call('documents.get', { id: document.id })).document;
      expect(text).toContain('11,400 homes');
      expect(text).not.toContain('writeFileSync');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(marker)).toBe(false);
    expect(requests).toEqual([]);
  }, 30_000);

  it('refuses a page nested 100,000 levels deep, storing nothing', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}</body></html>`;
    await refusedImport('nested.html', new TextEncoder().encode(html), 'too_large');
  }, 30_000);
});
