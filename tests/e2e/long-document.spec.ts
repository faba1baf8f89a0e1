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

test('printing a 20,000-word article with 2,000 mentions lays out all of it, marks included, and none of the window around it', async ({ app, page }) => {
  test.setTimeout(240_000);
  const { id, lastClaim } = await longDocument(app);
  await page.goto(app.url);
  await page.goto(`${app.baseURL}/#/documents/${id}`);
  const article = articleText(page);
  await expect(article).toContainText('Call me Ishmael.');
  await expect(outline(page).getByRole('heading', { name: 'Claims' })).toContainText(String(CLAIMS));

  await page.emulateMedia({ media: 'print' });
  // Every section is drawn: the last paragraph's text, and every mention and claim, with boxes of their own.
  const lastParagraph = ARTICLE.trim().split(/\n\s*\n/).at(-1)!.trim();
  const last = article.locator('.article-block').last();
  await expect(last).toHaveText(lastParagraph);
  await expect(article.locator('.mention')).toHaveCount(MENTIONS);
  // Runs in the page; through `ownerDocument.defaultView` because the test project has no DOM globals.
  const laidOut = await article.locator('article').evaluate((element) => {
    const style = (node: typeof element) => element.ownerDocument.defaultView!.getComputedStyle(node);
    const drawn = (marks: Iterable<typeof element>) => [...marks].filter((mark) => mark.getBoundingClientRect().height > 0);
    const lastBlock = [...element.querySelectorAll('.article-block')].at(-1)!;
    const lastMention = [...element.querySelectorAll('.mention')].at(-1)!;
    const lastClaim = [...element.querySelectorAll('.claim')].at(-1)!;
    return {
      mentions: drawn(element.querySelectorAll('.mention')).length,
      claims: drawn(element.querySelectorAll('.claim')).length,
      lastBlockHeight: lastBlock.getBoundingClientRect().height,
      lastMarksHeights: [lastMention, lastClaim].map((mark) => mark.getBoundingClientRect().height),
      // A line in its type's colour, as printers may leave out the fill.
      lastMentionLine: style(lastMention).borderBottomWidth,
      lastClaimLine: style(lastClaim).textDecorationLine,
      // The page itself grows with the article: no scroll area holds it.
      pageHeight: element.ownerDocument.documentElement.scrollHeight
    };
  });
  expect(laidOut.mentions).toBe(MENTIONS);
  expect(laidOut.claims).toBeGreaterThanOrEqual(CLAIMS);
  expect(laidOut.lastBlockHeight).toBeGreaterThan(0);
  expect(laidOut.lastMarksHeights.every((height) => height > 0)).toBe(true);
  expect(laidOut.lastMentionLine).toBe('2px');
  expect(laidOut.lastClaimLine).toBe('underline');
  expect(laidOut.pageHeight).toBeGreaterThan(ARTICLE.length / 10);
  expect(await article.locator('article').innerText()).toContain(lastClaim);

  // The window around the article is not printed.
  await expect(outline(page)).toBeHidden();
  await expect(inspector(page)).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Assisted annotation' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export fact sheet' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
