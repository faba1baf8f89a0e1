import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { dragSelect, inspector as inspectorOf, openArticle } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));

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
  await expect(article.getByRole('img', { name: /^Masked name gap/ })).toHaveCount(4);

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
  await expect(article.getByRole('img', { name: /^Masked name gap/ })).toHaveCount(4);
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

test('the keyboard alone marks a masked name and a claim, deletes, undoes and redoes', async ({ app, page }) => {
  await page.goto(app.url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Factdesk' });
  await welcome.getByLabel('Your name').fill('Kay Board');
  await page.keyboard.press('Enter');
  await expect(welcome).toBeHidden();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article' }).press('Enter');
  await (await chooser).setFiles(SAMPLE);

  const outline = page.getByRole('navigation', { name: 'Outline' });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const text = page.getByRole('document', { name: 'Article' });
  await expect(text).toContainText('Reality TV star');
  await text.focus();

  // Tab walks the annotations in text order: the first is the gap after "Reality TV star".
  await page.keyboard.press('Tab');
  await expect(inspector.getByRole('heading', { name: 'Masked name gap' })).toBeVisible();
  await expect(inspector).toContainText('Characters 15–18');
  await page.keyboard.press('Tab');
  await expect(inspector).toContainText('Characters 37–40');
  await page.keyboard.press('Shift+Tab');
  await expect(inspector).toContainText('Characters 15–18');

  // The Person hotkey on a selected gap makes it a masked mention.
  const personKey = await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts');
  await page.keyboard.press(personKey!);
  await expect(inspector.getByRole('heading', { name: 'Masked name' })).toBeVisible();
  await expect(outline.getByRole('button', { name: /^Masked name, 1 mention/ })).toBeVisible();

  // Shift+Ctrl+arrows select words from there; c marks them as a claim; Delete removes it.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toContainText('Selected: “paid a visit to');
  await page.keyboard.press('c');
  await expect(inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  await expect(inspector.locator('blockquote')).toHaveText(/^paid a visit to/);
  await expect(outline.getByRole('heading', { name: /Claims/ })).toHaveText('Claims 1');
  await page.keyboard.press('Delete');
  await expect(outline.getByRole('heading', { name: /Claims/ })).toHaveText('Claims 0');
  await page.keyboard.press('Control+z');
  await expect(outline.getByRole('heading', { name: /Claims/ })).toHaveText('Claims 1');
  await page.keyboard.press('Control+Shift+z');
  await expect(outline.getByRole('heading', { name: /Claims/ })).toHaveText('Claims 0');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(outline.getByRole('heading', { name: /Claims/ })).toHaveText('Claims 1');

  // Keys typed into a field stay in the field.
  await outline.getByRole('button', { name: /^Masked name, 1 mention/ }).click();
  const restoration = inspector.getByLabel('Restoration (the name that was removed)');
  await restoration.fill('Kim Kardashian West');
  await restoration.press('Control+z');
  await restoration.press('Tab');
  await expect(outline.getByRole('heading', { name: /Claims/ })).toHaveText('Claims 1');
});

test('another annotation opens at the top of the inspector, wherever the one before was scrolled to', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 520 });
  await page.goto(app.url);
  await openArticle(page, 'Sam Scroll', SAMPLE, 'Reality TV star');
  const inspector = inspectorOf(page);

  await dragSelect(page, "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion");
  await page.keyboard.press('c');
  await expect(inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  const scrollTop = () => inspector.evaluate((pane) => pane.scrollTop);
  await inspector.evaluate((pane) => (pane.scrollTop = pane.scrollHeight));
  await expect.poll(scrollTop).toBeGreaterThan(0);

  // Marking a name selects the new mention: its inspector starts at the top.
  const personKey = await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts');
  await dragSelect(page, 'Brittany K. Barnett');
  await page.keyboard.press(personKey!);
  await expect(inspector.getByRole('heading', { name: 'Mention' })).toBeVisible();
  await expect.poll(scrollTop).toBe(0);
  // …not because it is too short to scroll.
  expect(await inspector.evaluate((pane) => pane.scrollHeight > pane.clientHeight)).toBe(true);
});

test('the API refuses a request without the access token', async ({ app, page }) => {
  const response = await page.request.post(`${app.baseURL}/api/documents.list`, { data: {} });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
});
