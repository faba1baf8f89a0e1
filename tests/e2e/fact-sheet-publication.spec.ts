import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { pdfPages } from '../../src/main/export/pdf-text';
import { expect, test } from './fixtures';
import { SAMPLE, type SeededClaim, importFile, seedClaims } from './seed-library';
import { articleText } from './page-actions';

const EXPLANATION = Array.from(
  { length: 5 }, // a claim well under a page: it must never be split across two
  (_, i) => `Paragraph ${i + 1} of the explanation: the record was compared with the court filings, the clemency petition and two interviews given at the time.`
).join('\n');

const claim = (n: number, quote: string): SeededClaim => ({
  quote,
  text: `Checked claim number ${n}`,
  verdict: 'Mostly true',
  explanation: EXPLANATION,
  evidence: [1, 2, 3].map((e) => ({
    relation: 'supports' as const,
    title: `Source ${e} for claim ${n}`,
    url: `https://www.example.org/claim-${n}/source-${e}`,
    publisher: 'Example Records Office',
    excerpt: 'A quoted passage of the source that supports the verdict, long enough to wrap over two lines of the printed sheet.'
  }))
});

const CLAIMS = [
  claim(1, 'Kardashian West has been urging the president to pardon Alice Marie Johnson'),
  claim(2, "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion"),
  claim(3, 'The boxer\'s pardon had been championed by actor Sylvester Stallone'),
  claim(4, 'Kardashian West supported Trump\'s rival, Democrat Hillary Clinton, during the 2016 election'),
  claim(5, 'Attorney Brittany K. Barnett, a member of Johnson\'s legal team'),
  claim(6, "Kardashian West arrived at the White House just after 4:30 pm")
];

async function saveSheet(page: Page, format: RegExp) {
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await dialog.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save fact sheet' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('the fact sheet reads as a publication: whole claims per PDF page, no app hints, ids in one footer, a spreadsheet-ready CSV', async ({ app, page }) => {
  const documentId = await importFile(app, SAMPLE);
  await seedClaims(app, documentId, CLAIMS);
  await page.goto(app.url);
  await page.getByRole('row').filter({ hasText: 'Reality TV star' }).getByText(/^Reality TV star/).click();
  await expect(articleText(page)).toContainText('Reality TV star'); // the document view, whose shortcut opens the export
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(dialog).toContainText('6 verified claims included.');

  // No instructions for the app's user, no empty sections; internal ids only in the provenance footer.
  const sheet = page.frameLocator('iframe[title="Fact sheet preview"]').locator('body');
  await expect(sheet).toContainText('Checked claim number 6');
  await expect(sheet).not.toContainText('Settings');
  await expect(sheet).not.toContainText('Methodology');
  await expect(sheet).not.toContainText('verify-sheet');
  await expect(sheet.locator('article.claim').first()).not.toContainText('Claim ID');
  await expect(sheet.locator('footer.provenance')).toContainText('Claim ID');
  await expect(sheet.locator('footer.provenance li')).toHaveCount(6);
  // One type family for labels and values.
  const fonts = await sheet.locator('article.claim').first().evaluate((article) => {
    const view = article.ownerDocument.defaultView!;
    const family = (selector: string) => view.getComputedStyle(article.querySelector(selector)!).fontFamily;
    return new Set([family('dt'), family('dd'), family('h3'), family('h4'), family('.verdict')]).size;
  });
  expect(fonts).toBe(1);

  const csv = await saveSheet(page, /^CSV/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const header = csv.bytes.subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
  expect(header.slice(0, 3)).toEqual(['claim', 'verdict', 'claimant']);
  expect(header).toContain('evidence_3_url');
  expect(header.indexOf('claim_id')).toBeGreaterThan(header.indexOf('evidence_3_url'));

  // PDF: every claim, from its heading to its last evidence item, on one page (so none takes three).
  const pdf = await saveSheet(page, /^PDF/);
  const pages = (await pdfPages(pdf.bytes)).map((text) => text.replace(/\s+/g, ' '));
  for (let n = 1; n <= CLAIMS.length; n += 1) {
    const first = pages.findIndex((text) => text.includes(`Checked claim number ${n}`));
    const last = pages.findIndex((text) => text.includes(`Source 3 for claim ${n}`));
    expect(first, `claim ${n} is printed`).toBeGreaterThanOrEqual(0);
    expect(last, `claim ${n} ends on the page it starts on`).toBe(first);
  }
});
