/** verify-sheet against forged, re-signed and hand-edited sheets: each is a mismatch naming the claim and why. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FactSheetFormat } from '../../../src/shared/api/methods/export';
import { chromiumPrinter } from '../../../src/main/export/chromium';
import type { SignedApproval } from '../../../src/main/export/fact-sheet';
import { signedPdf } from '../../../src/main/export/pdf';
import { approvalsOf, withApprovals } from '../../../src/main/export/pdf-approvals';
import { pdfContent } from '../../../src/main/export/pdf-text';
import { approvalToken, readApprovalToken } from '../../../src/main/export/signed-approval';
import { forged, resigned } from './forged-approvals';
import { buildHostileLibrary } from './hostile-fixture';
import { type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
afterEach(() => sample?.lib.close());

const TEXT_FORMATS: Exclude<FactSheetFormat, 'pdf'>[] = ['html', 'md', 'csv', 'claimreview'];

const exported = async (format: Exclude<FactSheetFormat, 'pdf'>) =>
  (await sample.lib.call('export.factSheet', { documentId: sample.documentId, format })).text!;

async function check(sheet: string | Uint8Array, on: SampleSheetLibrary = sample) {
  const result = await on.lib.service.call('export.verifySheet', { fileName: 'sheet', dataBase64: Buffer.from(sheet).toString('base64') });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { result: string; reasons: string[] };
}

/** Replaces the first approval token of a sheet with what `change` makes of it. */
function withFirstApproval(sheet: string, change: (approval: SignedApproval) => SignedApproval): string {
  const token = /(?:data-approval="|signed-approval |"value": "|,)([A-Za-z0-9+/=]{100,})/.exec(sheet)![1]!;
  return sheet.replaceAll(token, approvalToken(change(readApprovalToken(token)!)));
}

const FORGED_REASON = (claimId: string) => `claim 1 (${claimId}): the signature of Rui Reviewer's approval is not valid (forged or altered)`;
const RESIGNED_REASON = (claimId: string) =>
  new RegExp(`^claim 1 \\(${claimId}\\): signed with another key \\([0-9a-f ]+\\) than the one this library trusts for Rui Reviewer`);

describe('verify-sheet and signed approvals', () => {
  it.each(TEXT_FORMATS)('detects a forged approval in a %s sheet: approved content changed, signature kept', async (format) => {
    sample = await buildSampleSheetLibrary();
    const { result, reasons } = await check(withFirstApproval(await exported(format), forged));
    expect(result).toBe('mismatch');
    expect(reasons[0]).toBe(FORGED_REASON(sample.verified.visit));
  });

  it.each(TEXT_FORMATS)('detects an approval re-signed with another key in a %s sheet', async (format) => {
    sample = await buildSampleSheetLibrary();
    const { result, reasons } = await check(withFirstApproval(await exported(format), (approval) => resigned(sample.verified.visit, approval)));
    expect(result).toBe('mismatch');
    expect(reasons[0]).toMatch(RESIGNED_REASON(sample.verified.visit));
  });

  it.each(TEXT_FORMATS)('detects a hand edit of the explanation, the verdict or the reviewer name shown in a %s sheet', async (format) => {
    sample = await buildSampleSheetLibrary();
    const sheet = await exported(format);
    expect((await check(sheet)).result).toBe('match');
    const edits: [string, string][] = [
      ['The White House confirmed the meeting.', 'The White House denied the meeting.'],
      ['Alice Marie Johnson has spent more than two decades in prison', 'Alice Marie Johnson has spent more than three decades in prison'],
      ['Rui Reviewer (key', 'Carol Editor (key']
    ];
    for (const [from, to] of edits) {
      if (format === 'claimreview' && from.startsWith('Rui')) continue; // ClaimReview names no reviewer
      if (format === 'claimreview' && from.startsWith('The White House')) continue; // nor an explanation
      expect(sheet).toContain(from);
      const { result, reasons } = await check(sheet.replace(from, to));
      expect(result, `${format}: ${from}`).toBe('mismatch');
      expect(reasons.join('\n'), `${format}: ${from}`).toMatch(/^claim [12] \(.*(edited by hand\?)/);
    }
  });

  it('detects a hand edit of the verdict shown in a ClaimReview sheet', async () => {
    sample = await buildSampleSheetLibrary();
    const sheet = await exported('claimreview');
    const { result, reasons } = await check(sheet.replace('"alternateName": "True"', '"alternateName": "False"'));
    expect(result).toBe('mismatch');
    expect(reasons[0]).toBe(
      `claim 1 (${sample.verified.visit}) "Kim Kardashian West visited the White House to ask…": reviewRating on the sheet differs from what was approved (edited by hand?)`
    );
  });
});

describe('verify-sheet on a PDF sheet (printed by headless Chromium)', () => {
  let printed: SampleSheetLibrary;
  let pdf: Uint8Array;
  let tokens: string[];

  beforeAll(async () => {
    printed = await buildSampleSheetLibrary();
    const sheet = await printed.lib.call('export.factSheet', { documentId: printed.documentId, format: 'pdf' });
    pdf = Buffer.from(sheet.contentBase64!, 'base64');
    tokens = approvalsOf((await pdfContent(pdf)).info);
  }, 60_000);
  afterAll(() => printed.lib.close());

  /** The PDF with its first approval replaced, as a later update of the file would. */
  const withFirst = (change: (approval: SignedApproval) => SignedApproval) =>
    withApprovals(pdf, [approvalToken(change(readApprovalToken(tokens[0]!)!)), ...tokens.slice(1)]);

  it("carries each claim's signed approval and matches the library", async () => {
    expect(tokens.map((token) => JSON.parse(readApprovalToken(token)!.content).id)).toEqual([
      printed.verified.visit,
      printed.verified.johnson,
      printed.verified.pardons
    ]);
    expect(await check(pdf, printed)).toEqual(expect.objectContaining({ result: 'match', reasons: [] }));
  });

  it('detects a forged approval, an approval re-signed with another key, and approvals taken out', async () => {
    expect(await check(withFirst(forged), printed)).toMatchObject({ result: 'mismatch', reasons: [FORGED_REASON(printed.verified.visit)] });
    const other = await check(withFirst((approval) => resigned(printed.verified.visit, approval)), printed);
    expect(other.result).toBe('mismatch');
    expect(other.reasons[0]).toMatch(RESIGNED_REASON(printed.verified.visit));
    const bare = await check(withApprovals(pdf, []), printed);
    expect(bare.reasons.slice(0, 3)).toEqual([
      `claim 1 (${printed.verified.visit}): it carries no signed approval`,
      `claim 2 (${printed.verified.johnson}): it carries no signed approval`,
      `claim 3 (${printed.verified.pardons}): it carries no signed approval`
    ]);
  });

  it('detects a hand edit of the explanation, the verdict and the reviewer name shown in the PDF', async () => {
    const html = (await printed.lib.call('export.factSheet', { documentId: printed.documentId, format: 'html' })).text!;
    const edits: [string, string][] = [
      ['The White House confirmed the meeting.', 'The White House denied the meeting.'],
      ['<p class="verdict">Misleading</p>', '<p class="verdict">True</p>'],
      ['self-reviewed by Ana Checker (key', 'Carol Editor (key']
    ];
    let edited = html;
    for (const [from, to] of edits) {
      expect(edited).toContain(from);
      edited = edited.replace(from, to);
    }
    const reprinted = await signedPdf(edited, tokens, chromiumPrinter());
    const { result, reasons } = await check(reprinted, printed);
    expect(result).toBe('mismatch');
    expect(reasons.slice(0, 3)).toEqual(
      [printed.verified.visit, printed.verified.johnson, printed.verified.pardons].map((id, i) =>
        expect.stringMatching(new RegExp(`^claim ${i + 1} \\(${id}\\) ".*": the sheet shows something other than what was approved \\(edited by hand\\?\\)$`))
      )
    );
  }, 60_000);

  it('matches a printed sheet whose every string is markup, and whose links are not all web addresses', async () => {
    const hostile = await buildHostileLibrary();
    try {
      const sheet = await hostile.lib.call('export.factSheet', { documentId: hostile.documentId, format: 'pdf' });
      expect(sheet.included).toBe(3);
      const outcome = await hostile.lib.call('export.verifySheet', { fileName: 'hostile.pdf', dataBase64: sheet.contentBase64! });
      expect(outcome).toMatchObject({ result: 'match', reasons: [] });
    } finally {
      hostile.lib.close();
    }
  }, 60_000);
});
