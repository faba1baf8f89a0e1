/**
 * Opening the window on a document: its first screen is drawn from the text alone before the
 * window's code runs (src/renderer/lib/early-text.ts), as text only, and the document view takes
 * its place once painted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callApi, expect, test, type FactdeskApp } from './fixtures';
import { articleText, dragSelect, inspector, signIn } from './page-actions';

const HOSTILE_TXT = readFileSync(fileURLToPath(new URL('../fixtures/hostile/e2e-hostile-article.txt', import.meta.url)));

const importText = async (app: FactdeskApp, fileName: string, bytes: Buffer) =>
  (await callApi<{ document: { id: string } }>(app, 'documents.import', { fileName, dataBase64: bytes.toString('base64') })).document.id;

/** Goes to `hash` and reloads the tab there (the token stays in the tab's sessionStorage). */
async function reloadOn(page: Page, app: FactdeskApp, hash: string): Promise<void> {
  await page.goto(`${app.baseURL}/${hash}`);
  await page.reload();
}

/** reloadOn, with the window's code held back until the returned function is called. */
async function reloadOnHeldBack(page: Page, app: FactdeskApp, hash: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/mount-app-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await reloadOn(page, app, hash);
  return release;
}

const earlyScreen = (page: Page) => page.locator('#early-text');

test('a document opened with the window shows its text first, as text, then the document view', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Erin Early');
  const id = await importText(app, 'city-budget.txt', HOSTILE_TXT);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const release = await reloadOnHeldBack(page, app, `#/documents/${id}`);
  // Before any of the window's code has run: the title and the first paragraphs, where the article goes.
  await expect(earlyScreen(page)).toBeVisible();
  await expect(earlyScreen(page)).toHaveAttribute('aria-hidden', 'true');
  await expect(earlyScreen(page).locator('.early-title')).toHaveText(/^City budget report/);
  const paragraphs = earlyScreen(page).locator('article p');
  await expect(paragraphs.first()).toHaveText('City budget report <script>alert(1)</script> for the end-to-end test');
  await expect(paragraphs.nth(1)).toContainText('<img src=x onerror=alert(1)>');
  // The article's markup stayed text; bidi and zero-width controls show as badges, as in the document view.
  await expect(paragraphs.nth(3)).toContainText('"userRLO LRI// adminPDI LRI" and the treasurer is AliZWSPce MorZWJgan.');
  await expect(earlyScreen(page).locator('script, img, svg, [onerror], [onload]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export fact sheet' })).toHaveCount(0);

  // The window's code arrives: the document view replaces the early screen, and works.
  release();
  await expect(earlyScreen(page)).toHaveCount(0);
  const article = articleText(page);
  await expect(article).toContainText('The mayor said the budget grew by 5 percent');
  await expect(page.getByRole('main')).toHaveCount(1);
  await dragSelect(page, 'mayor');
  await page.getByRole('button', { name: 'Mark as Person' }).click();
  await expect(inspector(page).locator('blockquote')).toHaveText('mayor');
  expect(pageErrors).toEqual([]);
});

test('a text slower than the early screen waits for: the window starts and shows it itself', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Erin Early');
  const id = await importText(app, 'city-budget.txt', HOSTILE_TXT);
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/documents.text', async (route) => {
    await answered;
    await route.continue();
  });
  let earlyScreens = 0;
  page.on('console', (message) => (earlyScreens += message.text() === 'early screen' ? 1 : 0));
  // Browser code as text: this project has no DOM types.
  await page.addInitScript({
    content: `new MutationObserver(() => {
      if (document.getElementById('early-text')) console.log('early screen');
    }).observe(document, { childList: true, subtree: true });`
  });

  await reloadOn(page, app, `#/documents/${id}`);
  // The window is up while the text is still on its way.
  await expect(page.getByText('Opening the document…')).toBeVisible();
  answer();
  await expect(articleText(page)).toContainText('The mayor said the budget grew by 5 percent');
  expect(earlyScreens).toBe(0);
});

test('a document that cannot be opened gets no early screen: the document view says why', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Erin Early');
  await reloadOn(page, app, '#/documents/no-such-document');
  await expect(page.getByText('Could not open the document')).toBeVisible();
  await expect(earlyScreen(page)).toHaveCount(0);
});
