import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { articleText } from './page-actions';
import { SAMPLE, importFile, seedClaims } from './seed-library';

const CLAIMS = [
  "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion",
  "The boxer's pardon had been championed by actor Sylvester Stallone",
  'Kardashian West supported Trump\'s rival, Democrat Hillary Clinton, during the 2016 election'
];

/** The article's scrolling region and the window's height, in CSS pixels. */
async function articleRoom(page: Page) {
  const box = await articleText(page).locator('.article-body').boundingBox();
  return { height: box!.height, window: page.viewportSize()!.height };
}

test('at 1280×720 the article gets at least 60% of the window, in review mode too, with the label bar on one row', async ({ app, otherApp, page }) => {
  // A checker sends three claims for review in a shared file; the reviewer opens it in their own library.
  const documentId = await importFile(app, SAMPLE);
  await seedClaims(app, documentId, CLAIMS.map((quote) => ({ quote, verdict: 'True', until: 'in review' as const })));
  const packed = await callApi<{ fileName: string; content: string }>(app, 'exchange.pack', { documentId });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(otherApp.url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Factdesk' });
  await welcome.getByLabel('Your name').fill('Bea Reviewer');
  await welcome.getByRole('button', { name: 'Continue' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open shared file…' }).click();
  await (await chooser).setFiles({ name: packed.fileName, mimeType: 'application/json', buffer: Buffer.from(packed.content) });
  await page.getByRole('dialog', { name: 'Open shared annotation file' }).getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Show the document' }).click();
  await expect(page.getByText('Review mode', { exact: true })).toBeVisible();
  await expect(page.getByText('3 claims waiting for review')).toBeVisible();

  const room = await articleRoom(page);
  expect(room.height / room.window, `the article has ${Math.round(room.height)} of ${room.window} px`).toBeGreaterThanOrEqual(0.6);

  // Every label and "Mark claim" sit on one row.
  const tops = await page.getByRole('toolbar', { name: 'Mark the selection' }).getByRole('button').evaluateAll((buttons) =>
    buttons.map((button) => Math.round(button.getBoundingClientRect().top))
  );
  expect(new Set(tops).size).toBe(1);
  // …and all of them are in view, "Mark claim" included (none scrolled out of the bar).
  const bar = (await page.getByRole('toolbar', { name: 'Mark the selection' }).boundingBox())!;
  const markClaim = (await page.getByRole('button', { name: 'Mark claim' }).boundingBox())!;
  expect(markClaim.x + markClaim.width).toBeLessThanOrEqual(bar.x + bar.width);
});
