import { fileURLToPath } from 'node:url';
import type { Page, Route } from '@playwright/test';
import { callApi, expect, test, type FactdeskApp } from './fixtures';
import { articleText, dragSelect, inspector, openArticle, outline } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));

/**
 * Holds back the server's answers to mentions.create (the request reaches the server, which stores or
 * refuses it; the page hears later), or fails the request as a stopped server would, until `release`.
 */
async function holdCreates(page: Page, fail = false) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/mentions.create', async (route: Route) => {
    if (fail) {
      await released;
      return route.abort('connectionrefused');
    }
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  return release;
}

const storedMentions = async (app: FactdeskApp) => {
  const [document] = await callApi<{ id: string }[]>(app, 'documents.list');
  return (await callApi<{ mentions: { exact: string }[] }>(app, 'documents.annotations', { id: document.id })).mentions;
};

test('a mention marked with its hotkey shows at once while it is saved, and two quick marks both stay', async ({ app, page }) => {
  await page.goto(app.url);
  await openArticle(page, 'Ada Checker', SAMPLE, 'Reality TV star');
  const personKey = (await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts'))!;
  const saving = articleText(page).locator('span.mention.saving');
  const release = await holdCreates(page);

  await dragSelect(page, 'Brittany K. Barnett');
  await page.keyboard.press(personKey);
  await expect(saving).toHaveText('Brittany K. Barnett');
  await expect(saving).toHaveAccessibleDescription('Person (saving…)');
  // Not an annotation until the library has it: not in the outline, a click selects nothing.
  await expect(outline(page).getByRole('button', { name: /^Brittany K\. Barnett/ })).toHaveCount(0);
  await saving.click();
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toHaveCount(0);

  // A second mark before the first answer.
  await dragSelect(page, 'Jared Kushner');
  await page.keyboard.press(personKey);
  await expect(saving).toHaveText(['Jared Kushner', 'Brittany K. Barnett']); // in text order

  release();
  await expect(saving).toHaveCount(0);
  const marked = articleText(page).locator('span.mention');
  await expect(marked).toHaveText(['Jared Kushner', 'Brittany K. Barnett']);
  await expect(marked.last()).toHaveAccessibleDescription('Person (not linked to an entity)');
  await expect(outline(page).getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ })).toBeVisible();
  await expect(outline(page).getByRole('button', { name: /^Jared Kushner, 1 mention/ })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText('Jared Kushner');
  expect((await storedMentions(app)).map((m) => m.exact).sort()).toEqual(['Brittany K. Barnett', 'Jared Kushner']);

  await page.reload();
  await expect(articleText(page).locator('span.mention')).toHaveText(['Jared Kushner', 'Brittany K. Barnett']);
  await expect(outline(page).getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ })).toBeVisible();
});

test('a mark the library refuses, or cannot be reached for, is taken away with the reason', async ({ app, page }) => {
  await page.goto(app.url);
  await openArticle(page, 'Ada Checker', SAMPLE, 'Reality TV star');
  const personKey = (await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts'))!;
  const saving = articleText(page).locator('span.mention.saving');
  const entry = outline(page).getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ });
  await dragSelect(page, 'Brittany K. Barnett');
  await page.keyboard.press(personKey);
  await expect(entry).toBeVisible();

  /** Marks `word` as a Person with the answer held back: it shows as being saved until the answer comes. */
  const markHeld = async (word: string, fail: boolean) => {
    await page.unrouteAll();
    const release = await holdCreates(page, fail);
    await dragSelect(page, word);
    await page.keyboard.press(personKey);
    await expect(saving).toHaveText(word);
    release();
    await expect(saving).toHaveCount(0);
  };

  // The same name with the same label again: the library refuses it.
  await markHeld('Brittany K. Barnett', false);
  await expect(page.getByRole('alert')).toContainText('Could not mark the mention');
  await expect(page.getByRole('alert')).toContainText('This span is already marked with that label.');
  await expect(articleText(page).locator('span.mention')).toHaveText(['Brittany K. Barnett']);
  await expect(entry).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss error: Could not mark the mention' }).click();

  // The server cannot be reached: nothing is stored, and the page says so.
  await markHeld('Jared Kushner', true);
  await expect(page.getByRole('alert')).toContainText('Cannot reach the Factdesk server');
  await expect(articleText(page).locator('span.mention')).toHaveText(['Brittany K. Barnett']);
  expect((await storedMentions(app)).map((m) => m.exact)).toEqual(['Brittany K. Barnett']);
});

test('the outline lists a new mark once the page has an idle moment, and on a page that never has one too', async ({ app, page }) => {
  await page.goto(app.url);
  await openArticle(page, 'Ada Checker', SAMPLE, 'Reality TV star');
  const personKey = (await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts'))!;
  await dragSelect(page, 'Brittany K. Barnett');
  await page.keyboard.press(personKey);
  await expect(outline(page).getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ })).toBeVisible();

  // Every frame from now on runs longer than a frame: the page is never idle. (Given as page script:
  // the tests' types have no DOM globals.)
  await page.evaluate(`{
    const busy = () => {
      const start = performance.now();
      while (performance.now() - start < 25);
      requestAnimationFrame(busy);
    };
    requestAnimationFrame(busy);
  }`);
  await dragSelect(page, 'Jared Kushner');
  await page.keyboard.press(personKey);
  await expect(articleText(page).locator('span.mention:not(.saving)')).toHaveText(['Jared Kushner', 'Brittany K. Barnett']);
  await expect(outline(page).getByRole('button', { name: /^Jared Kushner, 1 mention/ })).toBeVisible();
});
