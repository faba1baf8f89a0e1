import { afterEach, describe, expect, it } from 'vitest';
import { buildFactSheet } from '../../../src/main/export/fact-sheet';
import { quoteText } from '../../../src/main/export/quote';
import { getSettings } from '../../../src/main/store/settings';
import { CHECKER, REVIEWER, type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
afterEach(() => sample.lib.close());

const sheetAt = (s: SampleSheetLibrary, iso: string, appVersion = '9.9.9') =>
  buildFactSheet(s.lib.db, s.documentId, { clock: () => new Date(iso), appVersion, settings: getSettings(s.lib.db) });

describe('the fact sheet model', () => {
  it('includes only verified claims, in article order, and says how many were left out and why', async () => {
    sample = await buildSampleSheetLibrary();
    const sheet = sheetAt(sample, '2026-04-01T12:00:00.000Z');
    const { visit, pardons, johnson } = sample.verified;
    expect(sheet.claims.map((c) => c.id)).toEqual([visit, johnson, pardons]);
    expect(sheet.totalClaims).toBe(6);
    expect(sheet.leftOut).toEqual({
      count: 3,
      byStatus: [
        { status: 'in review', count: 1 },
        { status: 'researching', count: 1 },
        { status: 'open', count: 1 }
      ],
      inConflict: [],
      note: '3 claims not verified: 1 in review, 1 researching, 1 open.'
    });
    expect(sheet.evidenceCount).toBe(4);
    expect(sheet.document.source).toEqual({
      fileName: 'sample-ap-2018.txt',
      url: 'https://apnews.com/article/kim-kardashian-west-trump-visit',
      publisher: 'The Associated Press',
      author: null,
      publishedAt: '2018-05-30'
    });
  });

  it('shows restored names of masked mentions in brackets in place of the gap', async () => {
    sample = await buildSampleSheetLibrary();
    const [visit, , pardons] = sheetAt(sample, '2026-04-01T12:00:00.000Z').claims;
    expect(quoteText(visit!.quote)).toBe(
      'Reality TV star [Kim Kardashian West] paid a visit to the [White House] to make a star-powered case to President [Donald Trump] and his staff on behalf of a woman serving a life sentence for drug offences.'
    );
    expect(quoteText(pardons!.quote)).toContain('former Maricopa County Sheriff [Joe Arpaio], a staunch campaign supporter');
    expect(visit!.quote.filter((p) => p.kind === 'restored').map((p) => p.text)).toEqual([
      '[Kim Kardashian West]',
      '[White House]',
      '[Donald Trump]'
    ]);
  });

  it('records who checked and who reviewed, self-review included, with verdict, scale and dates', async () => {
    sample = await buildSampleSheetLibrary();
    const [visit, johnson, pardons] = sheetAt(sample, '2026-04-01T12:00:00.000Z').claims;
    expect(visit).toMatchObject({
      checkedBy: CHECKER,
      reviewedBy: REVIEWER,
      selfReviewed: false,
      claimant: { name: 'The Associated Press', type: 'organization' },
      claimDate: '2018-05-30',
      verdict: { label: 'True', value: 5, best: 5, worst: 1, scaleId: 'default', scaleVersion: 1, scaleName: 'Default five-point scale' }
    });
    expect(pardons).toMatchObject({ reviewedBy: CHECKER, selfReviewed: true, verdict: { label: 'Mostly true', value: 4 } });
    expect(johnson!.verdict).toMatchObject({ label: 'Misleading', value: null });
    expect(Date.parse(visit!.verifiedAt!)).toBeGreaterThan(Date.parse(visit!.createdAt));
    expect(visit!.evidence.map((e) => e.relation)).toEqual(['supports', 'context']);
  });

  it('counts verdicts over the labels of the scale they were given on', async () => {
    sample = await buildSampleSheetLibrary();
    const { distribution } = sheetAt(sample, '2026-04-01T12:00:00.000Z');
    expect(distribution.map((row) => [row.label, row.count])).toEqual([
      ['True', 1],
      ['Mostly true', 1],
      ['Half true', 0],
      ['Mostly false', 0],
      ['False', 0],
      ['Misleading', 1],
      ['Unverifiable', 0],
      ['Not a factual claim', 0]
    ]);
  });

  it('gives the same digest whatever the generation time, app version or settings', async () => {
    sample = await buildSampleSheetLibrary();
    const first = sheetAt(sample, '2026-04-01T12:00:00.000Z', '1.0.0');
    await sample.lib.call('settings.update', { methodology: 'A different note', organisation: 'Other desk' });
    const later = sheetAt(sample, '2027-01-01T00:00:00.000Z', '2.0.0');
    expect(later.generatedAt).not.toBe(first.generatedAt);
    expect(later.digest).toBe(first.digest);
    expect(later.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(later.claims.map((c) => c.fingerprint)).toEqual(first.claims.map((c) => c.fingerprint));
  });

  it('changes the digest and that claim\'s fingerprint when something shown on the sheet changes', async () => {
    sample = await buildSampleSheetLibrary();
    const before = sheetAt(sample, '2026-04-01T12:00:00.000Z');
    await sample.lib.call('entities.update', { id: sample.entities.kim, name: 'Kim Kardashian' });
    // The rename sent Johnson's claim back to review: off the sheet until it is approved again.
    expect(sheetAt(sample, '2026-04-01T12:00:00.000Z').claims.map((c) => c.id)).not.toContain(sample.verified.johnson);
    await sample.lib.as(REVIEWER);
    await sample.lib.call('reviews.create', { claimId: sample.verified.johnson, decision: 'approve' });
    const after = sheetAt(sample, '2026-04-01T12:00:00.000Z');
    expect(after.digest).not.toBe(before.digest);
    // Johnson's claimant is Kim; the visit claim shows her only through a restoration, which did not change.
    const changed = after.claims.filter((c, i) => c.fingerprint !== before.claims[i]!.fingerprint).map((c) => c.id);
    expect(changed).toEqual([sample.verified.johnson]);
  });

  it('keeps a verdict on the scale version it was given on after the scale is renamed', async () => {
    sample = await buildSampleSheetLibrary();
    const scale = (await sample.lib.call('scales.list', {}))[0]!;
    await sample.lib.call('scales.save', {
      id: scale.id,
      name: 'Renamed scale',
      labels: scale.labels.map((l) => (l.label === 'True' ? { label: 'Correct', value: l.value } : l))
    });
    const [visit] = sheetAt(sample, '2026-04-01T12:00:00.000Z').claims;
    expect(visit!.verdict).toMatchObject({ label: 'True', value: 5, scaleVersion: 1, scaleName: 'Default five-point scale' });
  });

  it('refuses a document that is not in the library', async () => {
    sample = await buildSampleSheetLibrary();
    expect(() => sheetAt({ ...sample, documentId: 'missing' }, '2026-04-01T12:00:00.000Z')).toThrow(/No document with id missing/);
  });
});
