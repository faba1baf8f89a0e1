/** Defects a desk meets in a day's work, each driven through the real UI in Chromium. */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { articleText, claimEntry, dragSelect, dragSelectBetween, importArticles, inspector, markClaim, signIn } from './page-actions';
import { writeSlowPdf } from './slow-pdf';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));

const tray = (page: Page) => page.getByRole('region', { name: /^(Imports|Importing \d+ files?)$/ });

test('a file over the import limit is refused at once, in the words of every import refusal, and nothing is stored', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Lea Limits');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article' }).click();
  await (await chooser).setFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') });
  const row = tray(page).getByRole('listitem', { name: 'huge.txt', exact: true });
  // Refused from its size alone: no seconds of reading and encoding first.
  await expect(row).toContainText('Cannot import "huge.txt": the file (21.0 MB) is larger than the 20 MB import limit.', { timeout: 1500 });
  await expect(row).not.toContainText('Invalid input');
  expect(await callApi<unknown[]>(app, 'documents.list')).toEqual([]);
});

test('browser mode: a tab without a valid token is locked and says what to do; a new address in the same tab takes its new token', async ({ app, page }) => {
  const lockedScreen = page.getByRole('main', { name: 'This tab is locked' });
  // A second tab opened without the token.
  await page.goto(`${app.baseURL}/`);
  await expect(lockedScreen).toContainText('opened without its access key');
  await expect(lockedScreen).toContainText('#token=');
  await expect(page.getByRole('main', { name: 'Library' })).toBeHidden();
  await expect(page.getByText('Signed in as —')).toBeHidden();

  // The address of an earlier run (its token is refused), then the new one in the same tab: only the fragment changes.
  await page.goto(`${app.baseURL}/#token=${'0'.repeat(app.token.length)}`);
  await expect(lockedScreen).toContainText('no longer valid');
  await page.goto(app.url);
  await signIn(page, 'Tom Token');
  await expect(lockedScreen).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: 'User menu — signed in as Tom Token' })).toBeVisible();
});

/**
 * Selects `text` (one rendered text run of the article) and presses `key` in the same task, before
 * the browser reports the new selection: what a fast typist does after Shift+arrows or Shift+click.
 */
async function selectAndPressAtOnce(page: Page, text: string, key: string): Promise<void> {
  await articleText(page)
    .locator('[role="document"]')
    .evaluate(
      (article, [wanted, pressed]) => {
        const doc = article.ownerDocument;
        const walker = doc.createTreeWalker(article, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(wanted) ?? -1;
          if (at === -1) continue;
          const range = doc.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const selection = doc.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          article.dispatchEvent(new doc.defaultView!.KeyboardEvent('keydown', { key: pressed, bubbles: true, cancelable: true }));
          return;
        }
        throw new Error(`"${wanted}" is not rendered as one text run`);
      },
      [text, key]
    );
}

test('a label key and c act on the selection on screen, even when pressed before the browser reports it', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Fay Fast');
  await importArticles(page, SAMPLE);
  await dragSelect(page, 'Alice Marie Johnson');

  await selectAndPressAtOnce(page, 'Jared Kushner', '1');
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText('Jared Kushner');

  await selectAndPressAtOnce(page, 'Trump has issued just a handful of pardons', 'c');
  await expect(inspector(page).getByRole('heading', { name: 'Claim' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText('Trump has issued just a handful of pardons');
  const stored = await callApi<{ mentions: { exact: string }[]; claims: { exact: string }[] }>(app, 'documents.get', {
    id: (await callApi<{ id: string }[]>(app, 'documents.list'))[0]!.id
  });
  expect(stored.mentions.map((m) => m.exact)).toEqual(['Jared Kushner']);
  expect(stored.claims.map((c) => c.exact)).toEqual(['Trump has issued just a handful of pardons']);
});

test('a selection snaps to whole words, Alt keeps the exact characters, and a name across paragraphs is refused', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Sam Snap');
  await importArticles(page, SAMPLE);
  const toolbar = page.getByRole('toolbar', { name: 'Mark the selection' });

  await dragSelectBetween(page, 'ared Kushn', 'ared Kushn');
  await expect(toolbar).toContainText('Selected: “Jared Kushner”');
  await page.keyboard.press('1');
  await expect(inspector(page).locator('blockquote')).toHaveText('Jared Kushner');

  await page.keyboard.down('Alt');
  await dragSelectBetween(page, 'Alice Mar', 'Alice Mar');
  await page.keyboard.up('Alt');
  await expect(toolbar).toContainText('Selected: “Alice Mar”');

  // From the end of one paragraph into the next.
  await dragSelectBetween(page, 'not eligible for parole', 'It had been');
  await page.keyboard.press('1');
  await expect(page.getByText('A name cannot run across paragraphs: select it within one paragraph.')).toBeVisible();
  const [{ id }] = await callApi<{ id: string }[]>(app, 'documents.list');
  const stored = await callApi<{ mentions: { exact: string }[] }>(app, 'documents.get', { id });
  expect(stored.mentions.map((m) => m.exact)).toEqual(['Jared Kushner']);
});

test('evidence links must be web addresses: a refusal says why, www.… is offered with https://, and the API refuses too', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Uma Links');
  await importArticles(page, SAMPLE);
  await markClaim(page, 'Trump has issued just a handful of pardons');
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Add evidence' }).click();
  const evidence = claim.getByRole('group', { name: /Evidence 1/ });
  const url = evidence.getByLabel('URL', { exact: true });
  const stored = async () => {
    const [{ id }] = await callApi<{ id: string }[]>(app, 'documents.list');
    return (await callApi<{ evidence: { id: string; url: string }[] }>(app, 'documents.get', { id })).evidence;
  };

  await url.fill('not a url at all');
  await evidence.getByLabel('Publisher').click();
  await expect(evidence.getByRole('alert')).toHaveText(/URL not saved: “not a url at all” is not a web address: a link starts with http:\/\/ or https:\/\/\./);
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  expect((await stored())[0]!.url).toBe('');

  await url.fill('www.cnn.com/politics');
  await evidence.getByLabel('Publisher').click();
  await expect(evidence.getByRole('alert')).toContainText('needs https:// at the start');
  await evidence.getByRole('button', { name: 'Use https://www.cnn.com/politics' }).click();
  await expect(evidence.getByRole('link', { name: 'Open URL' })).toHaveAttribute('href', 'https://www.cnn.com/politics');
  await expect(evidence.getByRole('alert')).toHaveCount(0);
  const [saved] = await stored();
  expect(saved!.url).toBe('https://www.cnn.com/politics');

  await expect(callApi(app, 'evidence.update', { id: saved!.id, archivedUrl: 'javascript:alert(1)' })).rejects.toThrow(
    'Cannot save the archived URL: only web addresses starting with http:// or https:// can be saved, not javascript: links.'
  );
});

test('a claimant created from the Claimant box gets the type the user picks', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Cleo Claimant');
  await importArticles(page, SAMPLE);
  await markClaim(page, 'Trump has issued just a handful of pardons');
  await inspector(page).getByRole('combobox', { name: 'Claimant' }).fill('Associated Press');
  await expect(inspector(page).getByRole('option', { name: 'Create Person “Associated Press”' })).toBeVisible();
  await inspector(page).getByRole('option', { name: 'Create Organization “Associated Press”' }).click();
  await expect(inspector(page).getByRole('button', { name: 'Unlink claimant Associated Press' })).toBeVisible();
  const [{ id }] = await callApi<{ id: string }[]>(app, 'documents.list');
  const { claims, entities } = await callApi<{ claims: { claimantId: string }[]; entities: { id: string; name: string; type: string }[] }>(
    app,
    'documents.get',
    { id }
  );
  expect(entities.find((e) => e.id === claims[0]!.claimantId)).toMatchObject({ name: 'Associated Press', type: 'organization' });
});

test('the inspector opens another record at its top, not at the scroll position of the one before', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Ines Inspector');
  await importArticles(page, SAMPLE);
  await markClaim(page, 'Trump has issued just a handful of pardons');
  await markClaim(page, 'Kardashian West supported Trump');
  const pane = inspector(page);
  await pane.evaluate((element) => (element.scrollTop = element.scrollHeight));
  expect(await pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
  await claimEntry(page, 'Trump has issued').click();
  await expect(pane.locator('blockquote')).toHaveText('Trump has issued just a handful of pardons');
  await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBe(0);
});

test('a page load logs no Content-Security-Policy error', async ({ app, page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  await page.goto(app.url);
  await signIn(page, 'Cora Console');
  await page.reload();
  await expect(page.getByRole('button', { name: 'User menu — signed in as Cora Console' })).toBeVisible();
  expect(problems.filter((text) => /Content.Security.Policy|frame-ancestors/i.test(text))).toEqual([]);
});

test('importing several files stays in the library until all have finished, then opens the first imported one', async ({ app, page }, testInfo) => {
  const slowPdf = testInfo.outputPath('long-report.pdf');
  await writeSlowPdf(slowPdf);
  await page.goto(app.url);
  await signIn(page, 'Bo Batch');
  await importArticles(page, SAMPLE, slowPdf);
  const slowRow = tray(page).getByRole('listitem', { name: 'long-report.pdf', exact: true });
  await expect(tray(page).getByRole('listitem', { name: 'sample-ap-2018.txt', exact: true })).toContainText('Imported');
  await expect(slowRow.getByRole('button', { name: 'Cancel importing long-report.pdf' })).toBeVisible();
  // The sample is in while the PDF still runs: the library stays on screen.
  await expect(page.getByRole('main', { name: 'Library' })).toBeVisible();
  await expect(articleText(page)).toHaveCount(0);

  await slowRow.getByRole('button', { name: 'Cancel importing long-report.pdf' }).click();
  await expect(slowRow).toContainText('Cancelled — nothing was stored');
  await expect(articleText(page)).toContainText('Reality TV star');
});
