import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAIM_REVIEWED_LIMIT } from '../../../src/main/export/claimreview';
import { FIXTURES } from '../helpers/temp-library';
import { PUBLISHED_AT, type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'resources', 'schemas', 'claimreview.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let sample: SampleSheetLibrary;
afterEach(() => sample?.lib.close());

async function claimReview(s: SampleSheetLibrary) {
  const exported = await s.lib.call('export.factSheet', { documentId: s.documentId, format: 'claimreview' });
  return { items: JSON.parse(exported.text!) as Item[], warnings: exported.warnings, exported };
}

describe('ClaimReview JSON-LD', () => {
  it('the golden file is valid against resources/schemas/claimreview.schema.json', () => {
    const golden = JSON.parse(readFileSync(join(FIXTURES, 'export', 'sample.golden.claimreview.json'), 'utf8'));
    expect(validate(golden), ajv.errorsText(validate.errors)).toBe(true);
    expect(golden).toHaveLength(3);
  });

  it('has one ClaimReview per verified claim with the required and recommended properties', async () => {
    sample = await buildSampleSheetLibrary();
    const { items, exported } = await claimReview(sample);
    expect(validate(items), ajv.errorsText(validate.errors)).toBe(true);
    expect(exported.mimeType).toBe('application/ld+json');
    expect(items.map((item) => item.claimReviewed)).toEqual([
      'Kim Kardashian West visited the White House to ask President Trump to pardon a woman serving a life sentence.',
      'Alice Marie Johnson has spent more than two decades in prison and cannot get parole.',
      'Trump has issued just a handful of pardons'
    ]);
    const [visit, johnson, pardons] = items;
    expect(visit!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'True', ratingValue: 5, bestRating: 5, worstRating: 1 });
    expect(pardons!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 });
    // Off the numeric scale: a label only.
    expect(johnson!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
    expect(visit!.author).toEqual({ '@type': 'Organization', name: 'Factdesk Test Desk' });
    // The review's own address (its section of the published sheet); the article is the claim's appearance.
    expect(visit!.url).toBe(`${PUBLISHED_AT}#claim-${sample.verified.visit}`);
    expect(visit!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(visit!.itemReviewed).toMatchObject({
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'The Associated Press' },
      datePublished: '2018-05-30',
      appearance: { '@type': 'CreativeWork', url: 'https://apnews.com/article/kim-kardashian-west-trump-visit' }
    });
    expect(johnson!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Kim Kardashian West' });
  });

  it('warns about a claimReviewed above 75 characters and other gaps in the recommended properties', async () => {
    sample = await buildSampleSheetLibrary();
    const { warnings, items } = await claimReview(sample);
    const long = items.filter((item) => [...(item.claimReviewed as string)].length > CLAIM_REVIEWED_LIMIT);
    expect(long).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('recommends at most 75'))).toHaveLength(2);
    expect(warnings).toContainEqual(expect.stringContaining('"June 2018" is not an ISO 8601 date'));
    expect(items[1]!.itemReviewed.datePublished).toBeUndefined();
  });

  it('is refused without a published fact-check address, never given a relative url', async () => {
    sample = await buildSampleSheetLibrary();
    sample.lib.db.prepare("DELETE FROM settings WHERE key = 'publishedBaseUrl'").run();
    await expect(claimReview(sample)).rejects.toThrow(/set "Published fact-check address" in Settings/);
    await expect(sample.lib.call('settings.update', { publishedBaseUrl: 'factcheck.example.org' })).rejects.toThrow(
      /starting with https:\/\//
    );
  });

  it('takes the appearance from the document details and leaves out the author without organisation, still valid', async () => {
    sample = await buildSampleSheetLibrary();
    sample.lib.db.prepare("UPDATE documents SET source_json = '{\"fileName\":\"a.txt\",\"url\":\"javascript:alert(1)\"}'").run();
    await sample.lib.call('settings.update', { organisation: '' });
    const { items, warnings } = await claimReview(sample);
    expect(validate(items), ajv.errorsText(validate.errors)).toBe(true);
    expect(items[0]!.url).toBe(`${PUBLISHED_AT}#claim-${sample.verified.visit}`);
    expect(items[0]!.author).toBeUndefined();
    expect(items[0]!.itemReviewed.appearance.url).toBeUndefined();
    expect(JSON.stringify(items)).not.toContain('javascript:');
    expect(warnings).toContainEqual(expect.stringContaining('No organisation is set'));
    expect(warnings).toContainEqual(expect.stringContaining('no web address'));

    await sample.lib.call('documents.update', { id: sample.documentId, url: 'https://example.org/news/visit' });
    const corrected = await claimReview(sample);
    expect(corrected.items[0]!.itemReviewed.appearance.url).toBe('https://example.org/news/visit');
  });

  it('the schema rejects what Google would reject', () => {
    const golden = JSON.parse(readFileSync(join(FIXTURES, 'export', 'sample.golden.claimreview.json'), 'utf8')) as Item[];
    const broken = (change: (item: Item) => void) => {
      const copy = structuredClone(golden);
      change(copy[0]!);
      return validate(copy);
    };
    expect(broken((item) => delete item.claimReviewed)).toBe(false);
    expect(broken((item) => delete item.url)).toBe(false);
    expect(broken((item) => delete item.reviewRating.alternateName)).toBe(false);
    expect(broken((item) => delete item.reviewRating.bestRating)).toBe(false);
    expect(broken((item) => (item['@type'] = 'Review'))).toBe(false);
    expect(broken((item) => (item.url = 'javascript:alert(1)'))).toBe(false);
    expect(broken((item) => (item.url = '#claim-1'))).toBe(false);
    expect(broken((item) => (item.itemReviewed.author['@type'] = 'Thing'))).toBe(false);
    expect(broken(() => undefined)).toBe(true);
  });
});
