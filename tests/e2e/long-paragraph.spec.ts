/**
 * An article that opens with one very long paragraph: the first screen draws the highlights it shows
 * first and the rest of the paragraph's soon after. The paragraph stays one run of exact text, so every
 * mention in it is drawn and a selection far down it marks exactly the characters selected.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callApi, expect, test } from './fixtures';
import { articleText, dragSelect, inspector } from './page-actions';

/** Moby-Dick (public domain; see tests/fixtures/long-document/README.md), for its words. */
const SOURCE = readFileSync(fileURLToPath(new URL('../fixtures/long-document/moby-dick-chapters-1-11.txt', import.meta.url)), 'utf8');
const WORDS = SOURCE.slice(SOURCE.indexOf('\n')).match(/[A-Za-z]{3,}/g)!.slice(0, 4000);
/** A word found nowhere else, near the paragraph's end. */
const MARKER = 'Quillerwhale';
const PARAGRAPH = [...WORDS.slice(0, 3900), MARKER, ...WORDS.slice(3900)].join(' ');
const ARTICLE = `One long paragraph\n\n${PARAGRAPH}\n\nA short closing paragraph.\n`;
const EVERY = 40;

test('a long first paragraph: every highlight in it is drawn, its text is exact, and a word far down it is marked exactly', async ({ app, page }) => {
  test.setTimeout(120_000);
  await callApi(app, 'settings.update', { userName: 'Pat Paragraph' });
  const { document } = await callApi<{ document: { id: string } }>(app, 'documents.import', {
    fileName: 'one-long-paragraph.txt',
    dataBase64: Buffer.from(ARTICLE).toString('base64')
  });
  const { document: stored } = await callApi<{ document: { text: string } }>(app, 'documents.text', { id: document.id });
  const paragraphStart = stored.text.indexOf(PARAGRAPH);
  expect(paragraphStart).toBeGreaterThan(0);
  const words = [...PARAGRAPH.matchAll(/[A-Za-z]+/g)].filter((word) => word[0] !== MARKER);
  const marked = words.filter((_, i) => i % EVERY === 0);
  for (const word of marked) {
    const start = paragraphStart + word.index;
    await callApi(app, 'mentions.create', { documentId: document.id, start, end: start + word[0].length, type: 'person' });
  }

  // The window opens on the document (the tab keeps its access key from the first address).
  await page.goto(app.url);
  await page.goto(`${app.baseURL}/#/documents/${document.id}`);
  await page.reload();
  const article = articleText(page);
  await expect(article).toContainText('One long paragraph');
  const paragraph = article.locator('p', { hasText: MARKER });
  await expect(paragraph).toHaveCount(1);
  // Every mention of the paragraph is drawn, the last ones included, over the paragraph's exact text.
  await expect(paragraph.locator('span.mention')).toHaveCount(marked.length);
  expect(await paragraph.textContent()).toBe(PARAGRAPH);
  await expect(paragraph.locator('span.mention').last()).toHaveText(marked.at(-1)![0]);
  // Plain text: each run is one span of text, with no nested blocks (a few anchors for the whole paragraph).
  const drawn = await paragraph.evaluate((p) => ({
    runs: p.children.length,
    nested: p.querySelectorAll('span span').length,
    anchors: [...p.childNodes].filter((node) => node.nodeName === '#comment').length
  }));
  expect(drawn.runs).toBeGreaterThanOrEqual(2 * marked.length - 1);
  expect(drawn.nested).toBe(0);
  expect(drawn.anchors).toBeLessThanOrEqual(2);

  await dragSelect(page, MARKER);
  await page.keyboard.press('1');
  await expect(inspector(page).locator('blockquote')).toHaveText(MARKER);
  const { mentions } = await callApi<{ mentions: { start: number; end: number; exact: string }[] }>(app, 'documents.annotations', {
    id: document.id
  });
  const start = stored.text.indexOf(MARKER);
  expect(mentions.filter((m) => m.exact === MARKER)).toEqual([expect.objectContaining({ start, end: start + MARKER.length })]);
});
