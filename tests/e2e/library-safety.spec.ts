/** Nothing destroyed by one click: the trash and the backups, through the UI. */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { articleText, importArticles, signIn } from './page-actions';

const article = (name: string) => fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));
const SAMPLE = article('sample-ap-2018.txt');
const SECOND = article('utf8-plain.txt');
const SAMPLE_TITLE = /^Reality TV star/;
const SECOND_TITLE = /^Café “Zürich”/;

const library = (page: Page) => page.getByRole('main', { name: 'Library' });

/** Imports one article from the library and goes back to the library. */
async function importAndReturn(page: Page, file: string): Promise<void> {
  await importArticles(page, file);
  await expect(articleText(page)).toBeVisible();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(library(page)).toBeVisible();
}

async function deleteDocument(page: Page, title: RegExp): Promise<void> {
  await library(page).getByRole('button', { name: new RegExp(`^Delete ${title.source.slice(1)}`) }).click();
  const confirm = page.getByRole('dialog', { name: /^Delete “/ });
  await expect(confirm).toContainText('moves to the trash');
  await confirm.getByRole('button', { name: 'Delete document' }).click();
  await expect(confirm).toBeHidden();
}

const documentLink = (page: Page, title: RegExp) => library(page).getByRole('link', { name: title });

test('deleted documents go to the trash, come back, and are gone only after a confirmed "Empty trash"', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Tess Trash');
  await importAndReturn(page, SAMPLE);
  await importAndReturn(page, SECOND);
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible();

  await deleteDocument(page, SAMPLE_TITLE);
  await expect(documentLink(page, SAMPLE_TITLE)).toHaveCount(0);
  await page.getByRole('button', { name: 'Trash (1)' }).click();
  const trash = page.getByRole('main', { name: 'Trash' });
  await expect(trash.getByRole('row')).toHaveCount(2); // header + one document
  await expect(trash).toContainText('sample-ap-2018.txt');

  // Restore brings it back with its content.
  await trash.getByRole('button', { name: /^Restore Reality TV star/ }).click();
  await expect(trash).toContainText('The trash is empty.');
  await trash.getByRole('button', { name: 'Library' }).click();
  await expect(documentLink(page, SAMPLE_TITLE)).toBeVisible();
  await documentLink(page, SAMPLE_TITLE).click();
  await expect(articleText(page)).toContainText('Reality TV star');
  await page.getByRole('button', { name: 'Library', exact: true }).click();

  // Both deleted; emptying the trash asks first, naming how many documents go for good.
  await deleteDocument(page, SAMPLE_TITLE);
  await deleteDocument(page, SECOND_TITLE);
  await expect(library(page)).toContainText('No articles yet');
  await page.getByRole('button', { name: 'Trash (2)' }).click();
  await trash.getByRole('button', { name: 'Empty trash' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 documents for good?' });
  await expect(confirm).toContainText('deletes 2 documents and all their mentions, claims, evidence and reviews');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(trash.getByRole('row')).toHaveCount(3); // nothing deleted
  await trash.getByRole('button', { name: 'Empty trash' }).click();
  await confirm.getByRole('button', { name: 'Delete 2 documents for good' }).click();
  await expect(trash).toContainText('The trash is empty.');
  await expect(trash.getByRole('button', { name: 'Empty trash' })).toBeDisabled();

  // Gone for good: a reload lists neither in the library nor in the trash.
  await page.reload();
  await expect(trash).toContainText('The trash is empty.');
  await trash.getByRole('button', { name: 'Library' }).click();
  await expect(library(page)).toContainText('No articles yet');
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible();
});

test('by keyboard the focus lands on each new view\'s heading: opening a document, the trash, restoring, deleting', async ({
  app,
  page
}) => {
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  await page.goto(app.url);
  await signIn(page, 'Kim Keys');

  // After an import the document opens with the focus on its title.
  await importArticles(page, SECOND);
  await expect(articleText(page)).toBeVisible();
  await expect(heading(SECOND_TITLE)).toBeFocused();
  await page.getByRole('button', { name: 'Library', exact: true }).press('Enter');
  await expect(heading('Library')).toBeFocused();

  // Opened from the library with Enter on its title.
  await documentLink(page, SECOND_TITLE).press('Enter');
  await expect(articleText(page)).toBeVisible();
  await expect(heading(SECOND_TITLE)).toBeFocused();
  await page.getByRole('button', { name: 'Library', exact: true }).press('Enter');

  // Deleted: its row goes, the focus goes to the library's heading.
  await library(page).getByRole('button', { name: new RegExp(`^Delete ${SECOND_TITLE.source.slice(1)}`) }).press('Enter');
  await page.getByRole('dialog', { name: /^Delete “/ }).getByRole('button', { name: 'Delete document' }).press('Enter');
  await expect(library(page)).toContainText('No articles yet');
  await expect(heading('Library')).toBeFocused();

  // The trash, and a restore from it: the focus stays in the trash, on its heading.
  await page.getByRole('button', { name: 'Trash (1)' }).press('Enter');
  await expect(heading('Trash')).toBeFocused();
  const trash = page.getByRole('main', { name: 'Trash' });
  await trash.getByRole('button', { name: /^Restore Café/ }).press('Enter');
  await expect(trash).toContainText('The trash is empty.');
  await expect(heading('Trash')).toBeFocused();
});

async function openBackups(page: Page) {
  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Backups' }).click();
  return settings;
}

test('a backup made in the settings is restored after a confirmation, keeping a copy of the library first', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Bo Backup');
  await importAndReturn(page, SAMPLE);

  let settings = await openBackups(page);
  const rows = settings.getByRole('row');
  // The browser mode made its start-up backup of the (then empty) library: header + 1 row.
  await expect(rows).toHaveCount(2);
  await settings.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Work done after the backup…
  await importAndReturn(page, SECOND);
  await expect(documentLink(page, SECOND_TITLE)).toBeVisible();

  // …is not in it: restoring asks first and says the current library is kept.
  settings = await openBackups(page);
  // Newest first: the backup made by hand, with the sample article in it.
  await settings.getByRole('button', { name: /^Restore the backup made/ }).first().click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('A copy of the current library is kept first');
  await confirm.getByRole('button', { name: 'Restore backup' }).click();
  await expect(settings).toBeHidden();
  await expect(documentLink(page, SAMPLE_TITLE)).toBeVisible();
  await expect(documentLink(page, SECOND_TITLE)).toHaveCount(0);

  // The copy kept before the restore is listed, and restoring it brings the later work back.
  settings = await openBackups(page);
  await expect(rows).toHaveCount(4);
  await settings.getByRole('button', { name: /^Restore the copy kept before a restore/ }).click();
  await confirm.getByRole('button', { name: 'Restore backup' }).click();
  await expect(settings).toBeHidden();
  await expect(documentLink(page, SECOND_TITLE)).toBeVisible();
  await expect(documentLink(page, SAMPLE_TITLE)).toBeVisible();
});
