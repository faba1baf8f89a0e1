import { fileURLToPath } from 'node:url';
import { callApi, expect, test } from './fixtures';
import { articleText, dragSelectBetween, signIn } from './page-actions';
import { importFile } from './seed-library';

const WIRE = fileURLToPath(new URL('../fixtures/articles/reuters-wire.txt', import.meta.url));

test('hard-wrapped wire copy reads as paragraphs, and a mark across a line end keeps the exact offsets', async ({ app, page }) => {
  const id = await importFile(app, WIRE);
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await page.getByRole('main', { name: 'Library' }).getByRole('link').first().click();
  const block = articleText(page).locator('.article-block').first();
  await expect(block).toContainText('PORT LOUIS');

  // What the reader sees: the wrapped lines flow (a space, not a line end), paragraphs break at the indented lines.
  const shown = await block.innerText();
  expect(shown).toContain('kept its key repo rate unchanged');
  expect(shown).toContain('the island economy.\n');
  expect(shown.split('\n').filter((line) => line.trim()).length).toBe(4);

  // The stored text is untouched, and a mark made across a reflowed line end lands on its exact characters.
  const stored = (await callApi<{ document: { text: string } }>(app, 'documents.get', { id })).document.text;
  expect(stored).toContain('kept\nits key repo rate');
  await dragSelectBetween(page, 'Mauritius kept', 'its key');
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toContainText('Selected: “Mauritius kept its key”');
  await page.keyboard.press('2');
  // A suggestion may already be drawn over the name: select from its first word to its last.
  await dragSelectBetween(page, 'Harvesh', 'Seegolam');
  await page.keyboard.press('1');
  const storedMentions = async () =>
    (await callApi<{ mentions: { start: number; end: number; exact: string }[] }>(app, 'documents.get', { id })).mentions.map((m) => [m.exact, m.start]);
  // The label key's write is asynchronous: wait for it rather than read the library at once.
  await expect.poll(storedMentions).toEqual([
    ['Mauritius kept\nits key', stored.indexOf('Mauritius kept\nits key')],
    ['Harvesh Seegolam', stored.indexOf('Harvesh Seegolam')]
  ]);
});
