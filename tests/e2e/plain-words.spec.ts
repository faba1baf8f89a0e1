import { expect, test } from './fixtures';
import { dragSelect, importArticles, signIn } from './page-actions';
import { SAMPLE } from './seed-library';

test('the Undo and Redo buttons say in plain words what they undo, never a method name', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await dragSelect(page, 'Alice Marie Johnson');
  await page.keyboard.press('1');
  const undo = page.getByRole('button', { name: /^Undo/ });
  await expect(undo).toHaveAttribute('title', 'Undo: marked a mention — Ctrl+Z');
  await undo.click();
  await expect(page.getByRole('button', { name: /^Redo/ })).toHaveAttribute('title', 'Redo: marked a mention — Ctrl+Shift+Z');
  await expect(page.locator('.doc-header')).not.toContainText(/mentions|\.create/);
});
