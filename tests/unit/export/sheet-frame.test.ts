/**
 * verify-sheet against sheets edited around their approved claims: a claim added by hand (it carries
 * no approval, so no per-claim check sees it), another article's title or address, summary figures
 * the approved claims do not give, and styles that hide or replace what the sheet shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FactSheetFormat } from '../../../src/shared/api/methods/export';
import { type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
afterEach(() => sample?.lib.close());

const ARTICLE = "the article's title or source on the sheet is not the library's (edited by hand?)";
const CLAIMS = 'the claims section shows something besides the approved claims (a claim added or changed by hand?)';
const SUMMARY = "the summary's figures are not those of the approved claims (edited by hand?)";
const STYLE = "the sheet's styles were changed (an added style can hide or replace what it shows)";

const SOURCE_URL = 'https://apnews.com/article/kim-kardashian-west-trump-visit';
const ELSEWHERE = 'https://evil.example.com/kim-kardashian-west-trump-visit';

async function reasonsFor(format: Exclude<FactSheetFormat, 'pdf'>, edit: (sheet: string) => string) {
  const sheet = (await sample.lib.call('export.factSheet', { documentId: sample.documentId, format })).text!;
  const edited = edit(sheet);
  expect(edited, 'the edit changes the sheet').not.toBe(sheet);
  const result = await sample.lib.service.call('export.verifySheet', { fileName: 'sheet', dataBase64: Buffer.from(edited).toString('base64') });
  if (!result.ok) throw new Error(result.error.message);
  const { result: outcome, reasons } = result.value as { result: string; reasons: string[] };
  expect(outcome).toBe(reasons.length ? 'mismatch' : 'match');
  return reasons;
}

const FAKE_ARTICLE =
  '<article class="claim verdict-best"><header><p class="claim-number">Claim 4</p><h3 dir="auto">The dam will displace nobody</h3>' +
  '<p class="verdict">True</p></header><dl class="facts"><div><dt>Reviewed by</dt><dd dir="auto">Rui Reviewer</dd></div></dl></article>';

const FAKE_SECTION = ['### 4. The dam will displace nobody', '', '> The dam will displace nobody.', '', '- **Verdict:** True', '- **Reviewed by:** Rui Reviewer', '', ''].join('\n');

describe('verify-sheet: what a sheet shows around its claims', () => {
  it('finds a claim added by hand to an HTML sheet, inside the claims section or anywhere else', async () => {
    sample = await buildSampleSheetLibrary();
    expect(await reasonsFor('html', (sheet) => sheet.replace(/(<\/article>\n)(<\/section>)/, `$1${FAKE_ARTICLE}\n$2`))).toEqual([CLAIMS]);
    expect(await reasonsFor('html', (sheet) => sheet.replace('<footer class="provenance"', `${FAKE_ARTICLE}\n<footer class="provenance"`))).toEqual([CLAIMS]);
  });

  it("finds another title or article address in an HTML sheet, and summary figures the approved claims don't give", async () => {
    sample = await buildSampleSheetLibrary();
    expect(await reasonsFor('html', (sheet) => sheet.replace(/(<h1 dir="auto">)[^<]*/, '$1Another article'))).toEqual([ARTICLE]);
    expect(await reasonsFor('html', (sheet) => sheet.replace(`<a href="${SOURCE_URL}"`, `<a href="${ELSEWHERE}"`))).toEqual([ARTICLE]);
    expect(await reasonsFor('html', (sheet) => sheet.replace(/<title>[^<]*/, '<title>Fact sheet: Another article'))).toEqual([ARTICLE]);
    expect(await reasonsFor('html', (sheet) => sheet.replace(/<strong>3<\/strong> verified claims/, '<strong>4</strong> verified claims'))).toEqual([SUMMARY]);
  });

  it('finds styles added to an HTML sheet, and markup Factdesk never writes', async () => {
    sample = await buildSampleSheetLibrary();
    const edits: ((sheet: string) => string)[] = [
      (sheet) => sheet.replace('</head>', '<style>.verdict { visibility: hidden }</style>\n</head>'),
      (sheet) => sheet.replace('<main class="sheet">', '<main class="sheet" style="filter: invert(1)">'),
      (sheet) => sheet.replace(/(<style>[^<]*?)\}/, '$1} .verdict::after { content: "True" }'),
      (sheet) => sheet.replace('</head>', '<link rel="stylesheet" href="https://evil.example.com/sheet.css">\n</head>'),
      (sheet) => sheet.replace('</head>', '<meta http-equiv="refresh" content="0; url=https://evil.example.com/">\n</head>')
    ];
    for (const edit of edits) expect(await reasonsFor('html', edit)).toEqual([STYLE]);
  });

  it('finds a claim section added by hand to a Markdown sheet, another title and other figures', async () => {
    sample = await buildSampleSheetLibrary();
    expect(await reasonsFor('md', (sheet) => sheet.replace('## Methodology', `${FAKE_SECTION}## Methodology`))).toEqual([CLAIMS]);
    expect(await reasonsFor('md', (sheet) => sheet.replace(/^# Fact sheet: .*$/m, '# Fact sheet: Another article'))).toEqual([ARTICLE]);
    expect(await reasonsFor('md', (sheet) => sheet.replace(`(<${SOURCE_URL}>)`, `(<${ELSEWHERE}>)`))).toEqual([ARTICLE]);
    expect(await reasonsFor('md', (sheet) => sheet.replace('- **Verified claims:** 3', '- **Verified claims:** 4'))).toEqual([SUMMARY]);
  });

  it("finds another article title or address in a CSV or ClaimReview sheet", async () => {
    sample = await buildSampleSheetLibrary();
    expect(await reasonsFor('csv', (sheet) => sheet.replace(SOURCE_URL, ELSEWHERE))).toEqual([ARTICLE]);
    const { title } = (await sample.lib.call('documents.get', { id: sample.documentId })).document;
    expect(await reasonsFor('csv', (sheet) => sheet.replace(title, `${title} (corrected)`))).toEqual([ARTICLE]);
    const moved = (sheet: string) => {
      const items = JSON.parse(sheet) as { itemReviewed: { appearance: { url: string } } }[];
      items[0]!.itemReviewed.appearance.url = ELSEWHERE;
      return JSON.stringify(items);
    };
    expect(await reasonsFor('claimreview', moved)).toEqual([ARTICLE]);
  });

  it('still matches a sheet whose left-out figures changed with claims it does not include', async () => {
    sample = await buildSampleSheetLibrary();
    const formats = ['html', 'md', 'csv', 'claimreview'] as const;
    const sheets = await Promise.all(formats.map(async (format) => (await sample.lib.call('export.factSheet', { documentId: sample.documentId, format })).text!));
    await sample.lib.call('claims.delete', { id: sample.leftOut.posthumous });
    const now = (await sample.lib.call('export.factSheet', { documentId: sample.documentId, format: 'md' })).text!;
    expect(now, 'the left-out figures changed').not.toBe(sheets[1]);
    for (const sheet of sheets) {
      const result = await sample.lib.service.call('export.verifySheet', { fileName: 'sheet', dataBase64: Buffer.from(sheet).toString('base64') });
      expect(result).toMatchObject({ ok: true, value: { result: 'match', reasons: [] } });
    }
  });
});
