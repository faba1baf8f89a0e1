import { fileURLToPath } from 'node:url';
import { callApi, expect, test } from './fixtures';
import { SAMPLE, importFile, seedClaims } from './seed-library';

const SECOND = fileURLToPath(new URL('../fixtures/articles/article.md', import.meta.url));
const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";
const STALLONE = "The boxer's pardon had been championed by actor Sylvester Stallone";

test('the library sorts by any column, shows whole titles and each document\'s open work, and opens a document in a new tab', async ({ app, page, context }) => {
  const sampleId = await importFile(app, SAMPLE);
  await importFile(app, SECOND);
  const [, stallone] = await seedClaims(app, sampleId, [
    { quote: PARDON, verdict: 'True', until: 'in review' },
    { quote: STALLONE, verdict: 'True', until: 'in review' }
  ]);
  await callApi(app, 'settings.update', { userName: 'Bea Reviewer' });
  await callApi(app, 'reviews.create', { claimId: stallone, decision: 'request changes', comment: 'Which interview?' });
  await callApi(app, 'settings.update', { userName: 'Ada Checker' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);

  const library = page.getByRole('main', { name: 'Library' });
  const rows = library.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const sampleRow = rows.filter({ hasText: 'Reality TV star' });
  // The whole title is readable, not cut after two lines.
  const title = sampleRow.getByRole('link');
  await expect(title).toHaveText(
    'Reality TV star […] paid a visit to the […] to make a star-powered case to President […] and his staff on behalf of a woman serving a life sentence for drug offences.'
  );
  expect(await title.evaluate((link) => link.scrollHeight <= link.clientHeight + 1 && link.getClientRects().length > 0)).toBe(true);
  // Open work at a glance.
  await expect(sampleRow.getByRole('list', { name: /^Open work on/ })).toHaveText(/1 to review\s*1 changes requested/);
  await expect(rows.filter({ hasNotText: 'Reality TV star' })).toContainText('None');

  // Sortable columns, with the order announced.
  const titles = () => rows.getByRole('link').allTextContents();
  const byTitle = library.getByRole('columnheader', { name: 'Title' });
  await byTitle.getByRole('button').click();
  await expect(byTitle).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await titles();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
  await byTitle.getByRole('button').press('Enter');
  await expect(byTitle).toHaveAttribute('aria-sort', 'descending');
  expect(await titles()).toEqual([...ascending].reverse());
  const byWork = library.getByRole('columnheader', { name: 'Open work' });
  await byWork.getByRole('button').click();
  await expect(byWork).toHaveAttribute('aria-sort', 'descending');
  expect((await titles())[0]).toMatch(/^Reality TV star/);

  // Ctrl+click opens the document in a new tab; this tab stays on the library.
  const opened = context.waitForEvent('page');
  await title.click({ modifiers: ['Control'] });
  const tab = await opened;
  await expect(tab.getByRole('main', { name: 'Article text' })).toContainText('Kardashian West');
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(/^Reality TV star/);
  await expect(library).toBeVisible();
});
