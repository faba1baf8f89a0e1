import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from '../../../src/main/export/chromium';
import { pdfText } from '../../../src/main/export/pdf-text';
import { REVIEWER, type SampleSheetLibrary, buildSampleSheetLibrary, fixedLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
let pdf: Buffer;
let text: string;

beforeAll(async () => {
  sample = await buildSampleSheetLibrary();
  const exported = await sample.lib.call('export.factSheet', { documentId: sample.documentId, format: 'pdf' });
  expect(exported.mimeType).toBe('application/pdf');
  expect(exported.fileName).toMatch(/^reality-tv-star-paid-a-visit.*-fact-sheet\.pdf$/);
  pdf = Buffer.from(exported.contentBase64!, 'base64');
  text = (await pdfText(pdf)).replace(/\s+/g, ' ');
}, 60_000);
afterAll(() => sample.lib.close());

const claimTexts = async (ids: string[]) => {
  const { claims } = await sample.lib.call('documents.get', { id: sample.documentId });
  return ids.map((id) => claims.find((c) => c.id === id)!.text);
};

describe('the PDF fact sheet (headless Chromium)', () => {
  it('is a PDF whose text holds every verified claim and no unverified one', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const claim of await claimTexts(Object.values(sample.verified))) expect(text).toContain(claim);
    const leftOut = await claimTexts(Object.values(sample.leftOut));
    expect(leftOut).toHaveLength(3);
    for (const claim of leftOut) expect(text).not.toContain(claim);
    expect(text).toContain('President [Donald Trump] and his staff');
    expect(text).toContain('3 claims not verified: 1 in review, 1 researching, 1 open.');
  });

  it('carries its provenance in its text: verify-sheet matches, then names a changed claim', async () => {
    const verify = () => sample.lib.call('export.verifySheet', { fileName: 'sheet.pdf', dataBase64: pdf.toString('base64') });
    expect(await verify()).toMatchObject({ result: 'match', format: 'pdf' });
    await sample.lib.as(REVIEWER);
    await sample.lib.call('reviews.create', { claimId: sample.leftOut.posthumous, decision: 'approve' });
    const outcome = await verify();
    expect(outcome.result).toBe('mismatch');
    expect(outcome.reasons[0]).toMatch(new RegExp(`^claims added \\(verified since\\): ${sample.leftOut.posthumous} `));
  });
});

describe('the PDF printer dependency', () => {
  it('is given the very HTML of the html export (as Electron printToPDF would be)', async () => {
    const printed: string[] = [];
    const lib = fixedLibrary({
      printToPdf: async (html) => {
        printed.push(html);
        return new TextEncoder().encode('%PDF-1.7\n%fake\n');
      }
    });
    try {
      const { document } = await lib.call('documents.import', { fileName: 'a.txt', dataBase64: Buffer.from('A short article.').toString('base64') });
      const result = await lib.call('export.factSheet', { documentId: document.id, format: 'pdf' });
      const html = await lib.call('export.factSheet', { documentId: document.id, format: 'html' });
      expect(Buffer.from(result.contentBase64!, 'base64').toString()).toBe('%PDF-1.7\n%fake\n');
      // Both renders read the fixed clock at a different second; everything else is the same page.
      const withoutTime = (page: string) => page.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, 'TIME');
      expect(printed.map(withoutTime)).toEqual([withoutTime(html.text!)]);
    } finally {
      lib.close();
    }
  });

  it('refuses what is not a PDF, and a missing Chromium, with a clear unsupported error', async () => {
    for (const [printToPdf, message] of [
      [async () => new TextEncoder().encode('<html>'), /not a PDF/],
      [chromiumPrinter({ env: { FACTDESK_CHROMIUM: '/nonexistent/chromium' } }), /FACTDESK_CHROMIUM points to "\/nonexistent\/chromium"/]
    ] as const) {
      const lib = fixedLibrary({ printToPdf });
      try {
        const { document } = await lib.call('documents.import', { fileName: 'a.txt', dataBase64: Buffer.from('Text.').toString('base64') });
        const result = await lib.service.call('export.factSheet', { documentId: document.id, format: 'pdf' });
        expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(message) } });
      } finally {
        lib.close();
      }
    }
  });

  it('refuses a printed PDF it cannot add the signed approvals to, rather than save one without them', async () => {
    const bare = await buildSampleSheetLibrary({ printToPdf: async () => new TextEncoder().encode('%PDF-1.7\n%no trailer\n') });
    try {
      const result = await bare.lib.service.call('export.factSheet', { documentId: bare.documentId, format: 'pdf' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unsupported', message: 'Cannot add the signed approvals to the PDF: the printed PDF has no readable trailer.' }
      });
    } finally {
      bare.lib.close();
    }
  });

  it('finds Chromium through FACTDESK_CHROMIUM, /usr/bin or the PATH, and says when there is none', () => {
    expect(findChromium({ FACTDESK_CHROMIUM: '/bin/sh' })).toBe('/bin/sh');
    expect(findChromium({ FACTDESK_CHROMIUM: '/nonexistent' })).toBeNull();
    expect(findChromium({ PATH: '' })).toBe('/usr/bin/chromium');
  });

  it('gives up on a Chromium that hangs, and on one that writes nothing', async () => {
    const dir = sample.lib.dir;
    const hanging = join(dir, 'hanging-chromium');
    const silent = join(dir, 'silent-chromium');
    writeFileSync(hanging, '#!/bin/sh\nsleep 30\n');
    writeFileSync(silent, '#!/bin/sh\nexit 0\n');
    chmodSync(hanging, 0o755);
    chmodSync(silent, 0o755);
    const started = Date.now();
    await expect(chromiumPrinter({ env: { FACTDESK_CHROMIUM: hanging }, timeoutMs: 500 })('<p>x</p>')).rejects.toThrow(/did not finish within/);
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(chromiumPrinter({ env: { FACTDESK_CHROMIUM: silent } })('<p>x</p>')).rejects.toThrow(/finished without writing one/);
  });
});
