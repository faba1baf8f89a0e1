/** verify-sheet against forged, re-signed and hand-edited sheets: each is a mismatch naming the claim and why. */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FactSheetFormat } from '../../../src/shared/api/methods/export';
import { canonicalJson } from '../../../src/main/export/canonical-json';
import type { SignedApproval } from '../../../src/main/export/fact-sheet';
import { approvalToken, readApprovalToken } from '../../../src/main/export/signed-approval';
import { exportPublicKey, signValue } from '../../../src/main/identity/signature';
import { sha256Hex } from '../../../src/main/import/hash';
import { signedReviewPart } from '../../../src/main/workflow/verification';
import { type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
afterEach(() => sample?.lib.close());

const TEXT_FORMATS: Exclude<FactSheetFormat, 'pdf'>[] = ['html', 'md', 'csv', 'claimreview'];

const exported = async (format: Exclude<FactSheetFormat, 'pdf'>) =>
  (await sample.lib.call('export.factSheet', { documentId: sample.documentId, format })).text!;

async function check(text: string) {
  const result = await sample.lib.service.call('export.verifySheet', { fileName: 'sheet', dataBase64: Buffer.from(text, 'utf8').toString('base64') });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { result: string; reasons: string[] };
}

/** Replaces the first approval token of a sheet with what `change` makes of it. */
function withFirstApproval(sheet: string, change: (approval: SignedApproval) => SignedApproval): string {
  const token = /(?:data-approval="|signed-approval |"value": "|,)([A-Za-z0-9+/=]{100,})/.exec(sheet)![1]!;
  return sheet.replaceAll(token, approvalToken(change(readApprovalToken(token)!)));
}

const signedPart = (claimId: string, a: SignedApproval) =>
  signedReviewPart({ claimId, decision: 'approve', comment: a.comment, contentHash: a.contentHash, author: a.reviewer, createdAt: a.at, selfReview: a.selfReview });

describe('verify-sheet and signed approvals', () => {
  it.each(TEXT_FORMATS)('detects a forged approval in a %s sheet: approved content changed, signature kept', async (format) => {
    sample = await buildSampleSheetLibrary();
    const forged = withFirstApproval(await exported(format), (approval) => {
      const content = { ...JSON.parse(approval.content), explanation: 'Forged.' };
      const json = canonicalJson(content);
      return { ...approval, content: json, contentHash: sha256Hex(json) };
    });
    const { result, reasons } = await check(forged);
    expect(result).toBe('mismatch');
    expect(reasons[0]).toBe(`claim 1 (${sample.verified.visit}): the signature of Rui Reviewer's approval is not valid (forged or altered)`);
  });

  it.each(TEXT_FORMATS)('detects an approval re-signed with another key in a %s sheet', async (format) => {
    sample = await buildSampleSheetLibrary();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const resigned = withFirstApproval(await exported(format), (approval) => {
      const next = { ...approval, publicKey: exportPublicKey(publicKey) };
      return { ...next, signature: signValue(privateKey, signedPart(sample.verified.visit, next)) };
    });
    const { result, reasons } = await check(resigned);
    expect(result).toBe('mismatch');
    expect(reasons[0]).toMatch(
      new RegExp(`^claim 1 \\(${sample.verified.visit}\\): signed with another key \\([0-9a-f ]+\\) than the one this library trusts for Rui Reviewer`)
    );
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
      `claim 1 (${sample.verified.visit}) "Kim Kardashian West visited the White House to ask…": reviewRating on the sheet differ from what was approved (edited by hand?)`
    );
  });
});
