import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callApi, expect, test, type FactdeskApp } from './fixtures';
import { articleText, dragSelect, inspector, outline } from './page-actions';

/** The first 20,000 words of Moby-Dick (public domain; see tests/fixtures/long-document/README.md). */
const ARTICLE = readFileSync(
  fileURLToPath(new URL('../fixtures/long-document/moby-dick-chapters-1-11.txt', import.meta.url)),
  'utf8'
);
const MENTIONS = 2000;
const CLAIMS = 100;
const TYPES = ['person', 'location', 'organization', 'other'];

/** Runs the calls a few at a time: the server answers one after the other anyway, this only saves round trips. */
async function inBatches<T>(items: T[], call: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 16) await Promise.all(items.slice(i, i + 16).map(call));
}

/** Imports the article and stores MENTIONS mentions and CLAIMS claims on it; the last claim is its last sentence. */
async function longDocument(app: FactdeskApp) {
  await callApi(app, 'settings.update', { userName: 'Lena Long' });
  const { document } = await callApi<{ document: { id: string } }>(app, 'documents.import', {
    fileName: 'moby-dick-chapters-1-11.txt',
    dataBase64: Buffer.from(ARTICLE).toString('base64')
  });
  const titleEnd = ARTICLE.indexOf('\n');
  const words = [...ARTICLE.matchAll(/[A-Za-z]{3,}/g)].filter((m) => m.index > titleEnd);
  const every = Math.floor(words.length / MENTIONS);
  const mentions = Array.from({ length: MENTIONS }, (_, i) => ({ word: words[i * every], type: TYPES[i % TYPES.length] }));
  await inBatches(mentions, ({ word, type }) =>
    callApi(app, 'mentions.create', { documentId: document.id, start: word.index, end: word.index + word[0].length, type })
  );
  const sentences = [...ARTICLE.matchAll(/[A-Z][^.!?\n]{30,300}[.!?]/g)].filter((m) => m.index > titleEnd);
  const step = sentences.length / CLAIMS;
  const claims = Array.from({ length: CLAIMS }, (_, i) => sentences[Math.min(sentences.length - 1, Math.round((i + 1) * step) - 1)]);
  await inBatches(claims, (c) => callApi(app, 'claims.create', { documentId: document.id, start: c.index, end: c.index + c[0].length }));
  const last = claims[claims.length - 1];
  // A word of the last claim that is not marked yet, to be labelled by the test.
  const marked = new Set(mentions.map((m) => m.word.index));
  const free = [...last[0].matchAll(/\b[a-z]{5,}\b/g)].find((w) => !marked.has(last.index + w.index))!;
  return { id: document.id, lastClaim: last[0], freeWord: free[0] };
}

test('a 20,000-word article with 2,000 mentions: jump to the last claim, label a mention there, undo', async ({ app, page }) => {
  test.setTimeout(240_000);
  const { id, lastClaim, freeWord: word } = await longDocument(app);

  await page.goto(app.url);
  await page.getByRole('link', { name: /^Moby-Dick; or, The Whale/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${id}$`));
  const article = articleText(page);
  await expect(article).toContainText('Call me Ishmael.');
  await expect(outline(page).getByRole('heading', { name: 'Claims' })).toContainText(String(CLAIMS));

  // Only what is near the screen is rendered: a small part of the text, and of the outline's 100 claims.
  const renderedShare = await article.locator('article').evaluate((el) => (el.textContent ?? '').length);
  expect(renderedShare).toBeLessThan(ARTICLE.length / 4);
  expect(await outline(page).locator('button.claim').count()).toBeLessThan(CLAIMS);

  // Scrolled half way down, the screen shows text there (its section rendered), not an empty placeholder.
  const scroller = page.getByRole('document', { name: 'Article' });
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect
    .poll(() =>
      scroller.evaluate((el) => {
        const view = el.getBoundingClientRect();
        return [...el.querySelectorAll('[data-s]')].some((segment) => {
          const box = segment.getBoundingClientRect();
          return box.bottom > view.top && box.top < view.bottom;
        });
      })
    )
    .toBe(true);

  // Scroll the outline to its end, as a user would, and jump to the last claim, far down the article.
  const pane = page.getByRole('navigation', { name: 'Outline' });
  await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const last = outline(page).getByRole('button', { name: lastClaim.slice(0, 40) });
  await last.click();
  await expect(last).toHaveAttribute('aria-current', 'true');
  await expect(inspector(page).getByRole('heading', { name: 'Claim' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText(lastClaim);
  const selected = article.locator('.selected-claim').first();
  await expect(selected).toBeInViewport();
  expect(lastClaim.startsWith((await selected.textContent()) ?? '-')).toBe(true);

  // Label a word there with the Person hotkey, then take it back with Ctrl+Z.
  const personKey = (await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts'))!;
  const before = await article.locator('span.mention').count();
  await dragSelect(page, word);
  await page.keyboard.press(personKey);
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText(word);
  const marked = article.locator('span.mention.selected', { hasText: word });
  await expect(marked).toBeInViewport();
  await expect(article.locator('span.mention')).toHaveCount(before + 1);
  await page.keyboard.press('Control+z');
  await expect(marked).toHaveCount(0);
  await expect(article.locator('span.mention')).toHaveCount(before);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  // Stored as shown: the undo removed the mention from the library, the 2,000 stay.
  const annotations = await callApi<{ mentions: unknown[] }>(app, 'documents.annotations', { id });
  expect(annotations.mentions).toHaveLength(MENTIONS);
});
