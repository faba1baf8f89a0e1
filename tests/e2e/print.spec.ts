/** Printing the document view (Ctrl+P): the whole article with its marks, under its title and source, without the window around it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pdfText } from '../../src/main/export/pdf-text';
import { callApi, expect, test } from './fixtures';
import { articleText, outline } from './page-actions';
import { CHECKER, SAMPLE, importFile, seedClaims } from './seed-library';

const LONG = fileURLToPath(new URL('../fixtures/long-document/moby-dick-chapters-1-11.txt', import.meta.url));

const FIRST_SENTENCE = 'Reality TV star';
const LAST_SENTENCE = 'Kardashian West defended her husband when he caught flak on social media for his tweets.';

test('a printed article holds its title, its first and its last sentence, and none of the window around it', async ({ app, page }) => {
  const id = await importFile(app, SAMPLE);
  await seedClaims(app, id, [{ quote: LAST_SENTENCE, verdict: 'True', until: 'in review' }]);
  await page.goto(app.url);
  await page.goto(`${app.baseURL}/#/documents/${id}`);
  await expect(articleText(page)).toContainText(LAST_SENTENCE);
  await expect(outline(page)).toContainText(LAST_SENTENCE.slice(0, 30));
  const title = await page.getByRole('heading', { level: 1 }).innerText();

  const text = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
  // On top, the title and the source, then the article.
  expect(text.startsWith(title.slice(0, 40))).toBe(true);
  expect(text).toContain('sample-ap-2018.txt · TXT');
  expect(text).toContain(FIRST_SENTENCE);
  expect(text).toContain(LAST_SENTENCE);
  // The window's chrome is not printed: no library link, toolbars, outline or inspector.
  for (const chrome of ['Export fact sheet', 'Mark claim', 'Suggest entities', 'Claims', 'Signed in as', CHECKER]) {
    expect(text).not.toContain(chrome);
  }
});

test('printing a 20,000-word article (Ctrl+P) draws the sections not yet on screen: the PDF ends with its last paragraph', async ({ app, page }) => {
  test.setTimeout(120_000);
  await callApi(app, 'settings.update', { userName: CHECKER });
  const id = await importFile(app, LONG);
  await page.goto(app.url);
  await page.goto(`${app.baseURL}/#/documents/${id}`);
  await expect(articleText(page)).toContainText('Call me Ishmael.');

  const text = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
  const article = readFileSync(LONG, 'utf8');
  const lastParagraph = article.trim().split(/\n\s*\n/).at(-1)!.replace(/\s+/g, ' ');
  expect(text).toContain('Call me Ishmael.');
  expect(text).toContain(lastParagraph.slice(-60));
  // Back on screen, only the sections near it are drawn again.
  const drawn = () => articleText(page).locator('article').evaluate((element) => (element.textContent ?? '').length);
  await expect.poll(drawn).toBeLessThan(article.length / 4);
});
