import { afterEach, describe, expect, it } from 'vitest';
import type { FactSheetFormat } from '../../../src/shared/api/methods/export';
import { sha256Hex } from '../../../src/main/import/hash';
import { REVIEWER, type SampleSheetLibrary, buildSampleSheetLibrary, fixedLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
afterEach(() => sample?.lib.close());

const TEXT_FORMATS: Exclude<FactSheetFormat, 'pdf'>[] = ['html', 'md', 'csv', 'claimreview'];

async function exported(s: SampleSheetLibrary, format: Exclude<FactSheetFormat, 'pdf'>) {
  return (await s.lib.call('export.factSheet', { documentId: s.documentId, format })).text!;
}

const verify = (s: { lib: SampleSheetLibrary['lib'] }, text: string, fileName = 'sheet') =>
  s.lib.service.call('export.verifySheet', { fileName, dataBase64: Buffer.from(text, 'utf8').toString('base64') });

async function verified(s: SampleSheetLibrary, text: string) {
  const result = await verify(s, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { result: string; reasons: string[]; format: string; libraryDigest: string | null; sheetDigest: string };
}

describe('verify-sheet', () => {
  it.each(TEXT_FORMATS)('finds the document id and digest in a %s sheet and reports a match', async (format) => {
    sample = await buildSampleSheetLibrary();
    const sheet = await exported(sample, format);
    const outcome = await verified(sample, sheet);
    expect(outcome).toMatchObject({ result: 'match', format, reasons: [] });
    expect(outcome.libraryDigest).toBe(outcome.sheetDigest);
  });

  it('names claims that changed, were verified since, or are no longer verified', async () => {
    sample = await buildSampleSheetLibrary();
    const sheets = await Promise.all(TEXT_FORMATS.map((format) => exported(sample, format)));
    const { visit, johnson, pardons } = sample.verified;
    // Renaming Johnson's claimant sends that claim back to review; approved again, it shows the new name.
    await sample.lib.call('entities.update', { id: sample.entities.kim, name: 'Kim Kardashian' });
    await sample.lib.call('claims.update', { id: visit, explanation: 'Edited after publication.' }); // back to review
    await sample.lib.call('claims.delete', { id: pardons });
    await sample.lib.as(REVIEWER);
    await sample.lib.call('reviews.create', { claimId: johnson, decision: 'approve' });
    await sample.lib.call('reviews.create', { claimId: sample.leftOut.posthumous, decision: 'approve' });
    for (const sheet of sheets) {
      const { result, reasons } = await verified(sample, sheet);
      expect(result).toBe('mismatch');
      expect(reasons).toEqual([
        `claims changed: ${johnson} "Alice Marie Johnson has spent more than two…"`,
        `claims added (verified since): ${sample.leftOut.posthumous} "Trump last week granted a rare posthumous pardon…"`,
        `claims removed (no longer verified): ${visit} "Kim Kardashian West visited the White House to ask…" (now in review), ${pardons} (deleted)`,
        'digest differs'
      ]);
    }
  });

  it('says when the article text changed', async () => {
    sample = await buildSampleSheetLibrary();
    const sheet = await exported(sample, 'html');
    const text = `${(await sample.lib.call('documents.get', { id: sample.documentId })).document.text}\nAn added paragraph.`;
    sample.lib.db.prepare('UPDATE documents SET text = ?, sha256 = ? WHERE id = ?').run(text, sha256Hex(text), sample.documentId);
    // The published content of every claim names the article's hash: none of the approvals holds any more.
    const { visit, johnson, pardons } = sample.verified;
    expect((await verified(sample, sheet)).reasons).toEqual([
      'article text changed',
      `claims removed (no longer verified): ${visit} "Kim Kardashian West visited the White House to ask…" (now in review), ` +
        `${johnson} "Alice Marie Johnson has spent more than two…" (now in review), ${pardons} "Trump has issued just a handful of pardons" (now in review)`,
      'digest differs'
    ]);
  });

  it('says what is left when article and claims are unchanged: the document record, or an altered digest', async () => {
    sample = await buildSampleSheetLibrary();
    const sheet = await exported(sample, 'md');
    const altered = sheet.replace(/(Digest \(SHA-256\):\*\* `)([0-9a-f])/, (_m, label: string, c: string) => label + (c === '0' ? '1' : '0'));
    expect(altered).not.toBe(sheet);
    expect(await verified(sample, altered)).toMatchObject({
      result: 'mismatch',
      reasons: [expect.stringMatching(/^digest differs: the document's title or source changed since, or the sheet's digest was altered$/)]
    });
    sample.lib.db.prepare("UPDATE documents SET title = 'Another title' WHERE id = ?").run(sample.documentId);
    expect((await verified(sample, sheet)).reasons).toEqual([expect.stringMatching(/^digest differs: the document's title/)]);
  });

  it('says when the document is not in the library', async () => {
    sample = await buildSampleSheetLibrary();
    const sheet = await exported(sample, 'csv');
    const other = fixedLibrary();
    try {
      const result = await verify({ lib: other }, sheet);
      expect(result).toMatchObject({
        ok: true,
        value: { result: 'mismatch', libraryDigest: null }
      });
      // That library has never trusted the reviewers' keys either.
      expect(result.ok && (result.value as { reasons: string[] }).reasons).toEqual([
        expect.stringMatching(/^claim 1 .*signed with a key \([0-9a-f ]+\) that this library does not trust for Rui Reviewer$/),
        expect.stringMatching(/^claim 2 .*does not trust for Rui Reviewer$/),
        expect.stringMatching(/^claim 3 .*does not trust for Ana Checker$/),
        `document ${sample.documentId} is not in the library`
      ]);
    } finally {
      other.close();
    }
  });

  it('refuses a file that is not a fact sheet, or carries no provenance, naming the file', async () => {
    sample = await buildSampleSheetLibrary();
    const csv = await exported(sample, 'csv');
    const [header, first, ...rest] = csv.split('\r\n');
    const cases: [string, string, RegExp][] = [
      ['notes.txt', 'Just some notes.', /not a Factdesk fact sheet/],
      ['empty.csv', `${header}\r\n`, /no claim rows/],
      ['empty.json', '[]', /ClaimReview sheet is empty/],
      ['object.json', '{"@type":"ClaimReview"}', /JSON array/],
      ['broken.json', '[{"identifier": ', /not valid JSON/],
      ['mixed.csv', [header, first, first!.replace(sample.documentId, 'another-document'), ...rest].join('\r\n'), /disagree/],
      ['page.html', '<!DOCTYPE html><html><head><title>x</title></head><body>Hi</body></html>', /no document id/]
    ];
    for (const [fileName, text, reason] of cases) {
      const result = await verify(sample, text, fileName);
      expect(result, fileName).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) {
        expect(result.error.message).toContain(fileName);
        expect(result.error.message).toMatch(reason);
      }
    }
  });
});
