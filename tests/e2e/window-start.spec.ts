/**
 * Opening the window on a document: the page's inline script asks for everything the window starts
 * with in one request (app.start) while the page parses, before the window's code has loaded; the document view then shows the text
 * with its highlights. A start request that fails costs nothing but time: each call is made alone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callApi, expect, test, type FactdeskApp } from './fixtures';
import { articleText, dragSelect, inspector, signIn } from './page-actions';

const HOSTILE_TXT = readFileSync(fileURLToPath(new URL('../fixtures/hostile/e2e-hostile-article.txt', import.meta.url)));
/** The calls app.start answers for an open document (src/shared/api/start-calls.ts). */
const START_CALLS = [
  'settings.get',
  'labels.list',
  'scales.list',
  'app.info',
  'documents.text',
  'documents.annotationColumns',
  'exchange.conflicts',
  'exchange.orphans'
];

/** Signs in, imports the hostile article and marks "mayor" in it as a Person through the API; returns its id. */
async function markedArticle(app: FactdeskApp, page: Page): Promise<string> {
  await page.goto(app.url);
  await signIn(page, 'Erin Early');
  const { document } = await callApi<{ document: { id: string } }>(app, 'documents.import', {
    fileName: 'city-budget.txt',
    dataBase64: HOSTILE_TXT.toString('base64')
  });
  const { document: article } = await callApi<{ document: { text: string } }>(app, 'documents.text', { id: document.id });
  const start = article.text.indexOf('mayor');
  await callApi(app, 'mentions.create', { documentId: document.id, start, end: start + 5, type: 'person' });
  return document.id;
}

/** Goes to `hash` and reloads the tab there (the token stays in the tab's sessionStorage); returns the API methods the page asks for. */
async function reloadOn(page: Page, app: FactdeskApp, hash: string): Promise<string[]> {
  await page.goto(`${app.baseURL}/${hash}`);
  const asked: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/([^/?]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method) asked.push(decodeURIComponent(method));
  });
  await page.reload();
  return asked;
}

test('a document opened with the window comes in one request, with its highlights, and works', async ({ app, page }) => {
  const id = await markedArticle(app, page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const asked = await reloadOn(page, app, `#/documents/${id}`);
  const article = articleText(page);
  await expect(article.locator('span.mention', { hasText: 'mayor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'User menu — signed in as Erin Early' })).toBeVisible();
  expect(asked.filter((method) => method === 'app.start')).toHaveLength(1);
  expect(asked.filter((method) => START_CALLS.includes(method))).toEqual([]);

  // The article's markup stayed text; bidi and zero-width controls show as badges.
  await expect(article).toContainText('City budget report <script>alert(1)</script> for the end-to-end test');
  await expect(article.locator('script, img, svg, [onerror], [onload]')).toHaveCount(0);
  await dragSelect(page, 'budget');
  await page.getByRole('button', { name: 'Mark as Person' }).click();
  await expect(inspector(page).locator('blockquote')).toHaveText('budget');
  expect(pageErrors).toEqual([]);
});

test('the start request leaves while the page parses, before the entry script has arrived', async ({ app, page }) => {
  const id = await markedArticle(app, page);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let startSent = false;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/app.start') startSent = true;
  });
  // The entry script is held back until the start request has been seen (or 10 s have passed).
  await page.route(/\/assets\/start-[^/]+\.js$/, async (route) => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await route.continue();
  });
  await page.goto(`${app.baseURL}/#/documents/${id}`);
  const reloaded = page.reload();
  await expect.poll(() => startSent, { timeout: 5000 }).toBe(true);
  release();
  await reloaded;
  await expect(articleText(page).locator('span.mention', { hasText: 'mayor' })).toBeVisible();
});

test('the window does not wait for the start request: it says the document is opening, then shows it', async ({ app, page }) => {
  const id = await markedArticle(app, page);
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/app.start', async (route) => {
    await answered;
    await route.continue();
  });

  await reloadOn(page, app, `#/documents/${id}`);
  await expect(page.getByText('Opening the document…')).toBeVisible();
  answer();
  await expect(articleText(page).locator('span.mention', { hasText: 'mayor' })).toBeVisible();
});

test('when the start request fails, the window asks for each part itself and opens the document', async ({ app, page }) => {
  const id = await markedArticle(app, page);
  await page.route('**/api/app.start', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'unavailable' }));

  const asked = await reloadOn(page, app, `#/documents/${id}`);
  await expect(articleText(page).locator('span.mention', { hasText: 'mayor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'User menu — signed in as Erin Early' })).toBeVisible();
  expect([...new Set(asked.filter((method) => START_CALLS.includes(method)))].sort()).toEqual([...START_CALLS].sort());
  await expect(page.locator('.toast.error')).toHaveCount(0);
});

test('a document that cannot be opened: the document view says why', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Erin Early');
  await reloadOn(page, app, '#/documents/no-such-document');
  await expect(page.getByText('Could not open the document')).toBeVisible();
});

test('a document address with a malformed escape: the window starts and the document view says why', async ({ app, page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.url);
  await signIn(page, 'Erin Early');
  await reloadOn(page, app, '#/documents/%E0%A4%A');
  await expect(page.getByText('Could not open the document')).toBeVisible();
  expect(pageErrors).toEqual([]);
});
