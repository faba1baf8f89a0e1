/** Importing PDFs, saved web pages and Word files through the UI's import tray. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callApi, expect, test, type FactdeskApp } from './fixtures';
import { articleText, dragSelect, filesTransfer, importArticles, inspector, signIn } from './page-actions';
import { writeSlowPdf } from './slow-pdf';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));

const tray = (page: Page) => page.getByRole('region', { name: /^(Imports|Importing \d+ files?)$/ });
const trayRow = (page: Page, fileName: string) => tray(page).getByRole('listitem', { name: fileName, exact: true });
const library = (page: Page) => page.getByRole('main', { name: 'Library' });

/** Drops files on the window, as a user dragging them from the file manager does. */
async function dropFiles(page: Page, ...paths: string[]): Promise<void> {
  const dataTransfer = await filesTransfer(page, await Promise.all(paths.map(async (path) => ({ name: basename(path), bytes: await readFile(path) }))));
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeHidden();
}

const storedTitles = async (app: FactdeskApp) =>
  (await callApi<{ title: string }[]>(app, 'documents.list')).map((doc) => doc.title);

/** Selects `text` in the article and presses the hotkey of the label called `labelName`. */
async function label(page: Page, text: string, labelName: string): Promise<void> {
  const hotkey = await page.getByRole('button', { name: `Mark as ${labelName}` }).getAttribute('aria-keyshortcuts');
  expect(hotkey).toBeTruthy();
  await dragSelect(page, text);
  await page.keyboard.press(hotkey!);
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText(text);
}

test('a PDF and a saved web page import with progress; a mention in each shows where in the file it came from', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Pia Pages');

  await importArticles(page, fixture('report.pdf'));
  await expect(articleText(page)).toContainText('The Franco-German consortium that built it');
  const pdfRow = trayRow(page, 'report.pdf');
  await expect(pdfRow.getByRole('progressbar', { name: 'Import of report.pdf' })).toHaveAttribute('aria-valuenow', '100');
  await expect(pdfRow).toContainText('Imported');
  await expect(pdfRow.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);

  await label(page, '£31 million', 'Number');
  await expect(inspector(page)).toContainText('Source: p. 3 of report.pdf');
  await label(page, 'Franco-German consortium', 'Organization');
  await expect(inspector(page)).toContainText('Source: p. 1 of report.pdf');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await importArticles(page, fixture('saved-page.html'));
  await expect(articleText(page)).toContainText('The minister said on Tuesday that the new river barrier');
  // Readability kept the article and nothing around it.
  await expect(articleText(page)).not.toContainText('Storm damage in numbers');
  await expect(trayRow(page, 'saved-page.html').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

  await label(page, 'Jane Doe', 'Person');
  await expect(inspector(page)).toContainText('Source: ¶ 1 of saved-page.html');
  await label(page, '11,400 homes', 'Number');
  await expect(inspector(page)).toContainText('Source: ¶ 5 of saved-page.html');

  // The page's own metadata: in the header, and in full under "Source".
  const header = page.getByRole('banner').filter({ has: page.getByRole('heading', { name: 'Minister’s flood claim checked' }) });
  await expect(header).toContainText('The Estuary Courier · Jane Doe · published Apr 3, 2024');
  await header.getByRole('button', { name: 'Source' }).click();
  const details = page.getByRole('dialog', { name: 'Source' });
  await expect(details).toBeVisible();
  await expect(details.getByRole('link', { name: 'https://courier.example/news/flood-claim' })).toHaveAttribute(
    'href',
    'https://courier.example/news/flood-claim'
  );
  await expect(details).toContainText('The Estuary Courier');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // Both are stored with their mentions; the PDF mention still knows its page.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await library(page).getByRole('link', { name: 'Flood Defence Annual Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: /^£31 million, 1 mention/ }).click();
  await expect(inspector(page)).toContainText('Source: p. 3 of report.pdf');
});

test('a dropped page without a readable article offers its full visible text, and that import works', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Nora Noarticle');
  await dropFiles(page, fixture('no-article.html'));

  const row = trayRow(page, 'no-article.html');
  await expect(row).toContainText('Cannot import "no-article.html": no readable article was found on the page');
  await expect(library(page)).toContainText('No articles yet');
  expect(await storedTitles(app)).toEqual([]);

  await row.getByRole('button', { name: 'Import its full visible text' }).press('Enter');
  await expect(articleText(page)).toContainText('Forgot your password?');
  await expect(row).toContainText('Imported');
  expect(await storedTitles(app)).toEqual(['Sign in | The Estuary Courier']);
});

test('several files at once: each gets a row, failures say why and store nothing, the imported one opens', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Eli Encrypted');
  await importArticles(page, fixture('encrypted.pdf'), fixture('scanned.pdf'), fixture('article.docx'));

  await expect(articleText(page)).toContainText('The minister said the new barrier had cost £40 million');
  await expect(trayRow(page, 'encrypted.pdf')).toContainText('Cannot import "encrypted.pdf": it is password-protected');
  await expect(trayRow(page, 'scanned.pdf')).toContainText('Cannot import "scanned.pdf": this PDF has no text layer; OCR is not supported');
  await expect(trayRow(page, 'article.docx')).toContainText('Imported');
  expect(await storedTitles(app)).toEqual(['Flood defences: what the minister said']);

  // The tray folds down to a summary, and unfolds again.
  await tray(page).getByRole('button', { name: 'Hide the import list' }).click();
  await expect(trayRow(page, 'encrypted.pdf')).toBeHidden();
  await expect(tray(page)).toContainText('1 imported · 2 failed');
  const unfold = tray(page).getByRole('button', { name: 'Show the import list' });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await unfold.click();
  await expect(trayRow(page, 'encrypted.pdf')).toBeVisible();

  // The same file again is found, not stored twice.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await tray(page).getByRole('button', { name: 'Close' }).click();
  await expect(tray(page)).toHaveCount(0);
  await importArticles(page, fixture('article.docx'));
  await expect(trayRow(page, 'article.docx')).toContainText('Already in the library');
  await expect(articleText(page)).toContainText('The minister said the new barrier had cost £40 million');
  expect(await storedTitles(app)).toEqual(['Flood defences: what the minister said']);
});

test('a long import shows its progress and Cancel stops it; nothing is stored', async ({ app, page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-slow-import-'));
  const slowPdf = join(dir, 'long-report.pdf');
  try {
    await writeSlowPdf(slowPdf);

    await page.goto(app.url);
    await signIn(page, 'Cal Cancel');
    await importArticles(page, slowPdf);

    const row = trayRow(page, 'long-report.pdf');
    await expect(row).toContainText(/Reading page \d+ of 400/);
    const bar = row.getByRole('progressbar', { name: 'Import of long-report.pdf' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    const percent = Number(await bar.getAttribute('aria-valuenow'));
    expect(percent).toBeLessThan(100);

    // Keyboard: the row's Cancel button; focus stays on the row once the button is gone.
    await row.getByRole('button', { name: 'Cancel importing long-report.pdf' }).press('Enter');
    await expect(row).toContainText('Cancelled — nothing was stored');
    await expect(row).toBeFocused();
    await expect(row.getByRole('progressbar')).toHaveCount(0);

    const jobs = await callApi<{ fileName: string; state: string }[]>(app, 'imports.list');
    expect(jobs).toEqual([expect.objectContaining({ fileName: 'long-report.pdf', state: 'cancelled' })]);
    expect(await storedTitles(app)).toEqual([]);
    await expect(library(page)).toContainText('No articles yet');
    await row.getByRole('button', { name: 'Dismiss long-report.pdf' }).click();
    await expect(tray(page)).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
