/** Defects a desk meets in a day's work, each driven through the real UI in Chromium. */
import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { signIn } from './page-actions';

const tray = (page: Page) => page.getByRole('region', { name: /^(Imports|Importing \d+ files?)$/ });

test('a file over the import limit is refused at once, in the words of every import refusal, and nothing is stored', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Lea Limits');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article' }).click();
  await (await chooser).setFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') });
  const row = tray(page).getByRole('listitem', { name: 'huge.txt', exact: true });
  // Refused from its size alone: no seconds of reading and encoding first.
  await expect(row).toContainText('Cannot import "huge.txt": the file (21.0 MB) is larger than the 20 MB import limit.', { timeout: 1500 });
  await expect(row).not.toContainText('Invalid input');
  expect(await callApi<unknown[]>(app, 'documents.list')).toEqual([]);
});

test('browser mode: a tab without a valid token is locked and says what to do; a new address in the same tab takes its new token', async ({ app, page }) => {
  const lockedScreen = page.getByRole('main', { name: 'This tab is locked' });
  // A second tab opened without the token.
  await page.goto(`${app.baseURL}/`);
  await expect(lockedScreen).toContainText('opened without its access key');
  await expect(lockedScreen).toContainText('#token=');
  await expect(page.getByRole('main', { name: 'Library' })).toBeHidden();
  await expect(page.getByText('Signed in as —')).toBeHidden();

  // The address of an earlier run (its token is refused), then the new one in the same tab: only the fragment changes.
  await page.goto(`${app.baseURL}/#token=${'0'.repeat(app.token.length)}`);
  await expect(lockedScreen).toContainText('no longer valid');
  await page.goto(app.url);
  await signIn(page, 'Tom Token');
  await expect(lockedScreen).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: 'User menu — signed in as Tom Token' })).toBeVisible();
});
