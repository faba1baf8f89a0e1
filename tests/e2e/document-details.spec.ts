import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { SAMPLE, importFile, seedClaims } from './seed-library';

const VISIT = 'Reality TV star   paid a visit to the   to make a star-powered case';

test('document details are editable, a masked title shows […], and ClaimReview points to the source and the published sheet', async ({ app, page }) => {
  const documentId = await importFile(app, SAMPLE);
  await seedClaims(app, documentId, [{ quote: VISIT, text: 'A reality star visited to argue for a pardon.', verdict: 'True' }]);
  await page.goto(app.url);

  // The importer's title keeps the masked names visible instead of joining the words around them.
  const row = page.getByRole('row').filter({ hasText: 'Reality TV star' });
  await expect(row).toContainText('Reality TV star […] paid a visit to the […] to make');
  await row.getByText(/^Reality TV star/).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^Reality TV star \[…\] paid a visit to the \[…\] to make/);

  // ClaimReview is refused, with what to do, until the published address is set.
  await page.keyboard.press('Control+e');
  const exportDialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await exportDialog.getByRole('radio', { name: /^ClaimReview/ }).check();
  await expect(exportDialog.getByRole('alert')).toContainText('set "Published fact-check address" in Settings');
  await exportDialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  // Correct the details the plain-text importer could not know.
  await page.getByRole('button', { name: 'Source' }).click();
  await page.getByRole('button', { name: 'Edit details…' }).click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await expect(details.getByLabel('Title')).toHaveValue(/^Reality TV star \[…\]/);
  await details.getByLabel('Title').fill('Kim Kardashian West visits the White House to seek a pardon');
  await details.getByLabel('Source address').fill('not an address');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeVisible(); // the browser refuses the address before anything is sent
  await details.getByLabel('Source address').fill('https://apnews.com/article/kardashian-white-house-visit');
  await details.getByLabel('Site or publisher').fill('The Associated Press');
  await details.getByLabel('Author').fill('Catherine Lucey');
  await details.getByLabel('Published on').fill('2018-05-30');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Document details saved' })).toBeVisible();
  await expect(heading).toHaveText('Kim Kardashian West visits the White House to seek a pardon');
  await expect(page.locator('.doc-header .meta')).toContainText('The Associated Press · Catherine Lucey');

  // The published fact-check address, set once in the settings.
  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Published fact-check address').fill('https://factcheck.example.org/2018/kardashian');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  await page.keyboard.press('Control+e');
  await exportDialog.getByRole('radio', { name: /^ClaimReview/ }).check();
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Save fact sheet' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('kim-kardashian-west-visits-the-white-house-to-seek-a-pardon-fact-sheet.claimreview.json');
  const [review] = JSON.parse(await readFile(await file.path(), 'utf8')) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(review!.url).toMatch(/^https:\/\/factcheck\.example\.org\/2018\/kardashian#claim-[0-9a-f-]+$/);
  expect(review!.itemReviewed.appearance).toMatchObject({
    url: 'https://apnews.com/article/kardashian-white-house-visit',
    headline: 'Kim Kardashian West visits the White House to seek a pardon',
    publisher: { '@type': 'Organization', name: 'The Associated Press' },
    datePublished: '2018-05-30'
  });

  // Stored in the library: the details survive a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kim Kardashian West visits the White House to seek a pardon');
});
