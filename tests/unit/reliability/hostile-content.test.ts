import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, FIXTURES, tempLibrary } from '../helpers/temp-library';

const HOSTILE = join(FIXTURES, 'hostile');
const base64 = (data: string | Buffer) => Buffer.from(data).toString('base64');

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-hostile-');
});
afterEach(() => lib.close());

/** A local server that counts every request: any fetch while importing would show up here. */
let tracker: Server;
let requests: string[] = [];
let host = '';
beforeAll(async () => {
  tracker = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(tracker.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => tracker.close(() => resolve())));

describe('hostile content', () => {
  it('imports a web page full of scripts, handlers, javascript: links, SVG and remote CSS as inert text, fetching nothing', async () => {
    requests = [];
    const html = readFileSync(join(HOSTILE, 'page-with-scripts.html'), 'utf8').replaceAll('HOSTILE_HOST', host);
    const { document } = await lib.call('documents.import', { fileName: 'council.html', dataBase64: base64(html) });
    const { text } = (await lib.call('documents.get', { id: document.id })).document;
    expect(text).toContain('approved a budget of 42 million dollars');
    expect(text).not.toMatch(/pwned|alert\(|<script|onerror|javascript:/i);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
  });

  it('refuses an SVG (not an article format) and stores nothing', async () => {
    const before = lib.snapshot();
    const result = await lib.service.call('documents.import', {
      fileName: 'drawing.svg',
      dataBase64: readFileSync(join(HOSTILE, 'drawing.svg')).toString('base64')
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('drawing.svg') } });
    expect(lib.snapshot()).toBe(before);
  });

  it('imports a 10 MB single line safely, as one block', async () => {
    const sentence = 'The minister said the figures were accurate. ';
    const line = sentence.repeat(Math.ceil((10 * 1024 * 1024) / sentence.length)).slice(0, 10 * 1024 * 1024);
    const { document } = await lib.call('documents.import', { fileName: 'one-line.txt', dataBase64: base64(line) });
    const view = await lib.call('documents.get', { id: document.id });
    expect(view.document.text.length).toBe(10 * 1024 * 1024);
    expect(view.document.blocks).toHaveLength(1);
  }, 60_000);

  it('keeps zero-width and bidirectional-override characters exactly (the window shows them visibly)', async () => {
    const bytes = readFileSync(join(HOSTILE, 'bidi-and-zero-width.txt'));
    const { document } = await lib.call('documents.import', { fileName: 'bidi.txt', dataBase64: bytes.toString('base64') });
    const { text } = (await lib.call('documents.get', { id: document.id })).document;
    expect(text).toBe(bytes.toString('utf8'));
    for (const ch of ['\u200b', '\u202e', '\u202d', '\u200c', '\u200d', '\ufeff', '\u2066', '\u2069', '\u00ad']) expect(text).toContain(ch);
  });

  it('stores uploads under a plain file name: no path separators, no hidden characters', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd.txt', 'passwd.txt'],
      ['C:\\Windows\\System32\\evil.txt', 'evil.txt'],
      ['reports/2024/q1.md', 'q1.md'],
      ['invoice\u202Etxt.md', 'invoicetxt.md'],
      ['/', 'untitled']
    ];
    for (const [i, [fileName, stored]] of cases.entries()) {
      const result = await lib.service.call('documents.import', { fileName, dataBase64: base64(`Article number ${i} about budgets.`) });
      if (stored === 'untitled') {
        expect(result.ok).toBe(false);
        continue;
      }
      expect(result).toMatchObject({ ok: true, value: { document: { fileName: stored } } });
    }
  });
});
