import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));

/** Selects `text` in the article by dragging the mouse over it, as a user would. */
async function dragSelect(page: Page, text: string): Promise<void> {
  const points = await page.locator('main[aria-label="Article text"] article').evaluate(async (article, wanted) => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      await new Promise(requestAnimationFrame);
      const rectOf = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = rectOf(at);
      const last = rectOf(at + wanted.length - 1);
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 }
      };
    }
    throw new Error(`"${wanted}" is not rendered as one text run in the article`);
  }, text);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
  // The toolbar shows what is selected (long selections shortened).
  const shown = text.length > 80 ? text.slice(0, 80) : `${text}”`;
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toContainText(`Selected: “${shown}`);
}

test('mark names and a claim, research it, and everything survives a reload', async ({ app, page }) => {
  await page.goto(app.url);

  // First run: the app asks who is working.
  const welcome = page.getByRole('dialog', { name: 'Welcome to Factdesk' });
  await welcome.getByLabel('Your name').fill('Ada Checker');
  await welcome.getByRole('button', { name: 'Continue' }).click();
  await expect(welcome).toBeHidden();
  await expect(page.getByRole('button', { name: /signed in as Ada Checker/ })).toBeVisible();
  // The token left the visible URL.
  expect(page.url()).not.toContain('token=');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article' }).click();
  await (await chooser).setFiles(SAMPLE);

  const article = page.getByRole('main', { name: 'Article text' });
  const outline = page.getByRole('navigation', { name: 'Outline' });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(article).toContainText('Reality TV star');
  await expect(article.getByRole('button', { name: /^Masked name gap/ })).toHaveCount(4);

  // A person: select the name, press the Person label's hotkey.
  const personButton = page.getByRole('button', { name: 'Mark as Person' });
  const personKey = await personButton.getAttribute('aria-keyshortcuts');
  expect(personKey).toBeTruthy();
  await dragSelect(page, 'Brittany K. Barnett');
  await page.keyboard.press(personKey!);
  await expect(outline.getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ })).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Mention' })).toBeVisible();
  await expect(inspector.locator('blockquote')).toHaveText('Brittany K. Barnett');
  await expect(inspector.getByLabel('Type')).toHaveValue('person');

  // A claim: select the sentence, press c; give it a verdict and one piece of evidence.
  const claimText = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";
  await dragSelect(page, claimText);
  await page.keyboard.press('c');
  await expect(inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  await expect(inspector.locator('blockquote')).toHaveText(claimText);
  await expect(outline.getByRole('button', { name: /Trump last week granted/ })).toContainText('open');
  await inspector.getByLabel('Verdict').selectOption('True');
  await expect(outline.getByRole('button', { name: /Trump last week granted/ })).toContainText('True');
  await inspector.getByRole('button', { name: 'Add evidence' }).click();
  const evidence = inspector.getByRole('group', { name: /Evidence 1/ });
  await evidence.getByLabel('Title').fill('Presidential pardon of John Arthur Johnson');
  await evidence.getByLabel('URL', { exact: true }).fill('https://www.justice.gov/pardon/johnson');
  await evidence.getByLabel('Publisher').click(); // leaving the URL field saves it
  await expect(evidence.getByRole('link', { name: 'Open URL' })).toHaveAttribute('href', 'https://www.justice.gov/pardon/johnson');

  // Everything above is stored: a reload shows it again.
  await page.reload();
  await expect(article.getByRole('button', { name: /^Masked name gap/ })).toHaveCount(4);
  await expect(outline.getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ })).toBeVisible();
  const claimEntry = outline.getByRole('button', { name: /Trump last week granted/ });
  await expect(claimEntry).toContainText('True');
  await claimEntry.click();
  await expect(inspector.getByLabel('Verdict')).toHaveValue('True');
  await expect(inspector.getByRole('group', { name: /Evidence 1/ }).getByLabel('Title')).toHaveValue(
    'Presidential pardon of John Arthur Johnson'
  );
  await expect(inspector.getByRole('group', { name: /Evidence 1/ }).getByLabel('URL', { exact: true })).toHaveValue(
    'https://www.justice.gov/pardon/johnson'
  );

  // Ctrl+Z takes back the last mention, and only that.
  await dragSelect(page, 'Jared Kushner');
  await page.keyboard.press(personKey!);
  const kushner = outline.getByRole('button', { name: /^Jared Kushner, 1 mention/ });
  await expect(kushner).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(kushner).toHaveCount(0);
  await expect(outline.getByRole('button', { name: /^Brittany K\. Barnett, 1 mention/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
});

test('the API refuses a request without the access token', async ({ app, page }) => {
  const response = await page.request.post(`${app.baseURL}/api/documents.list`, { data: {} });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
});
