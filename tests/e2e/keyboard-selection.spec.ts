import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { articleText, dragSelect, inspector, markClaim, openArticle, outline } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
const CHINESE = fileURLToPath(new URL('../fixtures/articles/chinese-news.txt', import.meta.url));
const LONG = fileURLToPath(new URL('../fixtures/long-document/moby-dick-chapters-1-11.txt', import.meta.url));

const scroller = (page: Page) => page.getByRole('document', { name: 'Article' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Mark the selection' });
/** The text the page shows selected. */
const shownSelection = (page: Page) => scroller(page).evaluate((el) => el.ownerDocument.getSelection()?.toString() ?? '');
/** Whether the selection is on screen, inside the article's scroll area. */
const selectionInView = (page: Page) =>
  scroller(page).evaluate((el) => {
    const selection = el.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0) return false;
    const box = selection.getRangeAt(0).getBoundingClientRect();
    const view = el.getBoundingClientRect();
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
  });
const labelKey = async (page: Page, label: string) =>
  (await page.getByRole('button', { name: `Mark as ${label}` }).getAttribute('aria-keyshortcuts'))!;

/** Ctrl+F and the query (its first match is shown), then Escape closes the find bar: the article has the focus again. */
async function findAndClose(page: Page, query: string) {
  await scroller(page).focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(query);
  await expect(page.getByRole('search', { name: 'Find in the article' }).getByRole('status')).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('Escape');
  await expect(scroller(page)).toBeFocused();
}

test('a keyboard selection starts at the find match, after the find bar closes, and marks what it shows', async ({ app, page }) => {
  await page.goto(app.url);
  await openArticle(page, 'Kay Board', SAMPLE, 'Reality TV star');
  const person = await labelKey(page, 'Person');

  await findAndClose(page, 'Alice Marie');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(toolbar(page)).toContainText('Selected: “Alice Marie”');
  expect(await shownSelection(page)).toBe('Alice Marie');
  await page.keyboard.press(person);
  await expect(inspector(page).locator('blockquote')).toHaveText('Alice Marie');

  // Shift+arrows select characters: the mark is exactly the characters shown, not the whole word.
  await findAndClose(page, 'Johnson');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await shownSelection(page)).toBe('John');
  await expect(toolbar(page)).toContainText('Selected: “John”');
  await page.keyboard.press(person);
  await expect(inspector(page).locator('blockquote')).toHaveText('John');
  await expect(outline(page).getByRole('button', { name: /^John, 1 mention/ })).toBeVisible();
});

test('a keyboard selection starts at the annotation Tab moved to', async ({ app, page }) => {
  await page.goto(app.url);
  await openArticle(page, 'Kay Board', SAMPLE, 'Reality TV star');
  await markClaim(page, 'who has spent more than two decades behind bars');

  // Words selected with the mouse, then Tab from the article's first annotation through the masked gaps to the claim.
  await scroller(page).focus();
  await page.keyboard.press('Escape');
  await dragSelect(page, 'Alice Marie');
  await page.keyboard.press('Tab');
  await expect(inspector(page).getByRole('heading', { name: 'Masked name gap' })).toBeVisible();
  for (let i = 0; i < 8 && !(await inspector(page).getByRole('heading', { name: 'Claim' }).isVisible()); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(inspector(page).getByRole('heading', { name: 'Claim' })).toBeVisible();
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await shownSelection(page)).toBe('who has');
  await expect(toolbar(page)).toContainText('Selected: “who has”');
});

test('in a long article a keyboard selection starts on screen: at the first paragraph in view, or far down at the find match', async ({
  app,
  page
}) => {
  test.setTimeout(120_000);
  const article = readFileSync(LONG, 'utf8');
  await callApi(app, 'settings.update', { userName: 'Lena Long' });
  await callApi(app, 'documents.import', { fileName: 'moby-dick.txt', dataBase64: Buffer.from(article).toString('base64') });
  await page.goto(app.url);
  await page.getByRole('link', { name: /^Moby-Dick; or, The Whale/ }).click();
  await expect(articleText(page)).toContainText('Call me Ishmael.');

  // Scrolled half way down, with nothing found or selected: the selection starts in what is on screen.
  await scroller(page).evaluate((el) => {
    el.scrollTo(0, el.scrollHeight / 2);
    el.focus({ preventScroll: true });
  });
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await selectionInView(page)).toBe(true);
  const word = await shownSelection(page);
  expect(word).toMatch(/^\W*\w+$/);
  await page.keyboard.press('Escape');

  // A phrase near the end, found once: the selection starts there, on screen, and 8 marks what it shows.
  const tail = article.slice(-3000);
  const lower = article.toLowerCase();
  const phrase = [...tail.matchAll(/\b[a-z]{4,} [a-z]{4,} [a-z]{4,}\b/g)]
    .map((m) => m[0])
    .find((p) => lower.indexOf(p) === lower.lastIndexOf(p))!;
  await scroller(page).evaluate((el) => el.scrollTo(0, 0));
  await findAndClose(page, phrase);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+ArrowRight');
  const first = phrase.split(' ')[0];
  expect(await shownSelection(page)).toBe(first);
  expect(await selectionInView(page)).toBe(true);
  await page.keyboard.press(await labelKey(page, 'Other'));
  await expect(inspector(page).locator('blockquote')).toHaveText(first);
  await expect(articleText(page).locator('span.mention.selected', { hasText: first })).toBeInViewport();

  // Scrolled back to the top, where that part of the article is no longer drawn: the next selection starts
  // there again (the last place chosen), drawn and brought on screen.
  await scroller(page).evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBe(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => shownSelection(page)).toBe(phrase.split(' ').slice(0, 2).join(' '));
  expect(await selectionInView(page)).toBe(true);
});

test('Chinese: a two-character name is marked by mouse and by keyboard, not the whole run of characters', async ({ app, page }) => {
  await page.goto(app.url);
  await openArticle(page, 'Kay Board', CHINESE, '北京市市长李明周二表示');
  const person = await labelKey(page, 'Person');

  // Dragged over 李明: the selection snaps to the name, not to the run up to the comma.
  await dragSelect(page, '李明');
  expect(await shownSelection(page)).toBe('李明');
  await page.keyboard.press(person);
  await expect(inspector(page).locator('blockquote')).toHaveText('李明');
  await page.keyboard.press('Control+z');
  await expect(outline(page).getByRole('button', { name: /^李明, 1 mention/ })).toHaveCount(0);

  // By keyboard: found, then two word steps (李, 明: the words the snapping uses), then the label key.
  await findAndClose(page, '李明');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await shownSelection(page)).toBe('李明');
  await expect(toolbar(page)).toContainText('Selected: “李明”');
  await page.keyboard.press(person);
  await expect(inspector(page).locator('blockquote')).toHaveText('李明');
  await expect(outline(page).getByRole('button', { name: /^李明, 1 mention/ })).toBeVisible();
});
