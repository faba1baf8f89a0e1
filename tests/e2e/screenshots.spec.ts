/** Screenshots of the main screens at two common laptop sizes, written to test-results/screenshots/ for a person to look at. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { articleText, claimEntry, inspector } from './page-actions';
import { REVIEWER, SAMPLE, importFile, seedClaims } from './seed-library';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 }
];
const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";
const STALLONE = "The boxer's pardon had been championed by actor Sylvester Stallone";

const shoot = (page: Page, name: string, size: { width: number; height: number }) =>
  page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png` });

for (const size of SIZES) {
  test(`screenshots of the library, document view, review view and fact sheet at ${size.width}×${size.height}`, async ({ app, page }) => {
    const documentId = await importFile(app, SAMPLE);
    await seedClaims(app, documentId, [
      {
        quote: PARDON,
        verdict: 'True',
        explanation: 'The Justice Department lists the pardon of John Arthur Johnson on 24 May 2018.',
        evidence: [{ relation: 'supports', title: 'Pardons granted by President Donald Trump', url: 'https://www.justice.gov/pardon', publisher: 'US Department of Justice' }]
      },
      {
        quote: STALLONE,
        verdict: 'Mostly true',
        explanation: 'Trump said so himself; Stallone confirmed the call in an interview.',
        evidence: [{ relation: 'supports', title: 'Trump statement on the pardon', url: 'https://www.example.org/statement' }],
        until: 'in review'
      }
    ]);
    await page.setViewportSize(size);
    await page.goto(app.url);
    await expect(page.getByRole('row').filter({ hasText: 'Reality TV star' })).toBeVisible();
    await shoot(page, 'library', size);

    await page.getByRole('row').filter({ hasText: 'Reality TV star' }).getByText(/^Reality TV star/).click();
    await expect(articleText(page)).toContainText('Kardashian West');
    await claimEntry(page, PARDON).click();
    await expect(inspector(page)).toContainText('verified');
    await shoot(page, 'document', size);

    await page.getByRole('button', { name: /^User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Switch user…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch user' });
    await dialog.getByLabel('Name').fill(REVIEWER);
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click();
    await claimEntry(page, STALLONE).click();
    await expect(inspector(page).getByRole('button', { name: 'Approve' })).toBeVisible();
    await expect(inspector(page).getByRole('article', { name: 'As it will be published' })).toContainText('Stallone confirmed the call');
    await shoot(page, 'review', size);

    await page.keyboard.press('Control+e');
    const sheet = page.frameLocator('iframe[title="Fact sheet preview"]').locator('body');
    await expect(sheet).toContainText(PARDON.slice(0, 40));
    await shoot(page, 'fact-sheet-dialog', size);
    const html = await page.locator('iframe[title="Fact sheet preview"]').getAttribute('srcdoc');
    await page.setContent(html!);
    await shoot(page, 'fact-sheet', size);
  });
}
