import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { articleText, dragSelect, importArticles, markClaim, signIn } from './page-actions';
import { SAMPLE } from './seed-library';

test('the Undo and Redo buttons say in plain words what they undo, never a method name', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await dragSelect(page, 'Alice Marie Johnson');
  await page.keyboard.press('1');
  const undo = page.getByRole('button', { name: /^Undo/ });
  await expect(undo).toHaveAttribute('title', 'Undo: marked a mention — Ctrl+Z');
  await undo.click();
  await expect(page.getByRole('button', { name: /^Redo/ })).toHaveAttribute('title', 'Redo: marked a mention — Ctrl+Shift+Z');
  await expect(page.locator('.doc-header')).not.toContainText(/mentions|\.create/);
});

const tray = (page: Page) => page.getByRole('region', { name: /^(Imports|Importing \d+ files?)$/ });
const ENCRYPTED = fileURLToPath(new URL('../fixtures/articles/encrypted.pdf', import.meta.url));

test('the import tray closes itself once every file imported; a failure stays until it is dismissed', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Tia Tray');
  await importArticles(page, SAMPLE);
  await expect(articleText(page)).toContainText('Reality TV star');
  await expect(tray(page).getByRole('listitem', { name: 'sample-ap-2018.txt', exact: true })).toContainText('Imported');
  // Gone without a click: it no longer covers the outline and the article.
  await expect(tray(page)).toHaveCount(0, { timeout: 8000 });

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await importArticles(page, ENCRYPTED);
  const failed = tray(page).getByRole('listitem', { name: 'encrypted.pdf', exact: true });
  await expect(failed).toContainText('Cannot import "encrypted.pdf": it is password-protected');
  await page.waitForTimeout(6000); // longer than a successful import's tray stays
  await expect(failed).toBeVisible();
  await failed.getByRole('button', { name: 'Dismiss encrypted.pdf' }).click();
  await expect(tray(page)).toHaveCount(0);
});

test('every download says what was written; a shared file’s summary is shown once, in plain words', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Dan Download');
  await importArticles(page, SAMPLE);
  await markClaim(page, 'Trump last week granted a rare posthumous pardon');
  const messages = page.getByRole('status').filter({ has: page.locator('.toast') });

  // The annotation file: the browser's download, named in a message.
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('menu', { name: 'Share' }).getByRole('menuitem', { name: 'Export Annotation File…' }).click();
  const annotationFile = await download;
  await expect(messages).toContainText(`Downloaded “${annotationFile.suggestedFilename()}” to your browser’s downloads folder.`);

  // The fact sheet, the same.
  await page.getByRole('button', { name: 'Export fact sheet' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Save fact sheet' }).click();
  const sheet = await download;
  expect(sheet.suggestedFilename()).toMatch(/\.html$/);
  await expect(messages).toContainText(`Downloaded “${sheet.suggestedFilename()}”`);
  await exportDialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  // Opening the file again: its summary in words a journalist reads, before opening only.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open shared file…' }).click();
  await (await chooser).setFiles(await annotationFile.path());
  const preview = page.getByRole('dialog', { name: 'Open shared annotation file' });
  await expect(preview).toContainText('from Dan Download');
  await expect(preview).toContainText('Annotations found in the text');
  await expect(preview).not.toContainText(/Placed exactly|Records added|Orphaned/);
  await preview.getByRole('button', { name: 'Open', exact: true }).click();
  const opened = page.getByRole('dialog', { name: 'Shared file merged' });
  await expect(opened).toContainText('Merged into the local copy.');
  await expect(opened).not.toContainText('from Dan Download');
  await expect(opened.locator('dt')).toHaveCount(0);
  await opened.getByRole('button', { name: 'Show the document' }).click();
  await expect(opened).toBeHidden();
});
