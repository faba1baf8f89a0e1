/**
 * Hostile content in the real browser: markup, handlers and javascript: URLs in an article, in
 * annotations and in evidence stay text; no script runs, nothing is injected, nothing remote loads;
 * zero-width and bidi control characters are shown, not hidden.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  articleText,
  claimEntry,
  dragSelect,
  dragSelectBetween,
  importArticles,
  inspector,
  markClaim,
  outline,
  signIn
} from './page-actions';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));
const HOSTILE_TXT = fixture('e2e-hostile-article.txt');
const HOSTILE_HTML = fixture('e2e-hostile-page.html');

/** Elements and attributes that would mean some hostile markup became DOM, anywhere in the page. */
const INJECTED = [
  'body script',
  'img[src="x"]',
  'svg[onload]',
  '[onerror]',
  '[onload]',
  '[onclick]',
  'a[href^="javascript:" i]',
  'iframe:not([title="Fact sheet preview"])'
].join(', ');

/** Collects every JavaScript dialog and every request that leaves the app's own server. */
function watch(page: Page, baseURL: string) {
  const dialogs: string[] = [];
  const remote: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !/^(data|blob|about):/.test(url)) remote.push(url);
  });
  return { dialogs, remote };
}

async function expectNothingInjected(page: Page): Promise<void> {
  await expect(page.locator(INJECTED)).toHaveCount(0);
}

test('hostile text, annotations and evidence stay inert, and hidden characters are shown', async ({ app, page }) => {
  const seen = watch(page, app.baseURL);
  await page.goto(app.url);
  await signIn(page, 'Hal Hostile');
  await importArticles(page, HOSTILE_TXT);

  // The markup in the article is text on the page.
  const article = articleText(page);
  await expect(article).toContainText('the budget grew by 5 percent <img src=x onerror=alert(1)> last year');
  await expect(article).toContainText('A "><svg onload=alert(2)> report claimed');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script>');
  await expectNothingInjected(page);

  // Every hidden character is a visible, named badge in the article (offsets unchanged: see the marks below).
  for (const name of ['right-to-left override', 'left-to-right isolate', 'pop directional isolate', 'zero-width space', 'zero-width joiner', 'soft hyphen', 'zero-width no-break space', 'right-to-left mark']) {
    await expect(article.getByRole('img', { name: new RegExp(`hidden character U\\+[0-9A-F]{4} ${name}$`) }).first()).toBeVisible();
  }
  await expect(article.locator('[data-label="RLO"]')).toHaveCount(1);
  await expect(article.locator('[data-label="LRI"]')).toHaveCount(2);

  // A mention on hostile markup: the inspector and the outline show it as text.
  const personKey = await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts');
  await dragSelect(page, '<img src=x onerror=alert(1)>');
  await page.keyboard.press(personKey!);
  await expect(inspector(page).locator('blockquote')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(outline(page).getByRole('button', { name: /^<img src=x onerror=alert\(1\)>, 1 mention/ })).toBeVisible();

  // A claim across the Trojan Source line: the exact text is shown with its hidden characters as badges.
  await dragSelectBetween(page, 'The council minutes say', 'Mor');
  await page.keyboard.press('c');
  const claim = inspector(page);
  await expect(claim.getByRole('heading', { name: 'Claim' })).toBeVisible();
  const quote = claim.locator('blockquote');
  await expect(quote.getByRole('img', { name: /U\+202E right-to-left override$/ })).toBeVisible();
  await expect(quote.getByRole('img', { name: /U\+2066 left-to-right isolate$/ })).toHaveCount(2);
  await expect(quote.getByRole('img', { name: /U\+200B zero-width space$/ })).toBeVisible();
  await expect(quote).toContainText('RLO');
  // The stored span ends exactly after "Mor": the badges took no offsets away.
  await expect(quote).toHaveText(/Ali.*ZWSP.*ce Mor$/);
  // The editable wording holds the same characters; a note under the fields names them.
  await expect(claim.getByRole('note')).toContainText('Claim as checked');
  await expect(claim.getByRole('note').getByRole('img', { name: /right-to-left override/ })).toBeVisible();

  // A claim on hostile markup, researched with hostile evidence.
  await markClaim(page, 'A "><svg onload=alert(2)> report claimed the bridge would open in May');
  await claim.getByRole('button', { name: 'Start research' }).click();
  await claim.getByLabel('Verdict').selectOption('False');
  await claim.getByLabel('Explanation').fill('<script>alert("explanation")</script> The bridge opens in spring.');
  await claim.getByRole('button', { name: 'Add evidence' }).click();
  const evidence = claim.getByRole('group', { name: /Evidence 1/ });
  await evidence.getByLabel('Title').fill('"><img src=x onerror=alert("title")>');
  await evidence.getByLabel('URL', { exact: true }).fill('javascript:alert("url")');
  await evidence.getByLabel('Archived URL').fill('data:text/html,<script>alert("archive")</script>');
  await evidence.getByLabel('Publisher').fill('<svg onload=alert("publisher")>');
  await evidence.getByLabel('Note').fill('Owner \u202Eexe.txt\u202C <b onmouseover=alert("note")>bold</b>');
  await evidence.getByLabel('Excerpt').click(); // leaving the note saves it
  await expect(evidence.getByRole('note')).toContainText('Note');
  // Only http(s) links are ever made: none for javascript: or data: URLs.
  await expect(evidence.getByRole('link')).toHaveCount(0);

  // Verified (self-review), so the hostile strings reach the fact sheet preview: escaped there too.
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await claim.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog', { name: 'Approve your own claim?' }).getByRole('button', { name: 'Approve as self-review' }).click();
  await expect(claimEntry(page, 'A "><svg onload=alert(2)>')).toContainText('verified');
  await page.getByRole('button', { name: 'Export fact sheet' }).click();
  const sheet = page.frameLocator('iframe[title="Fact sheet preview"]');
  await expect(sheet.locator('body')).toContainText('"><img src=x onerror=alert("title")>');
  await expect(sheet.locator('body')).toContainText('<script>alert("explanation")</script>');
  await expect(sheet.locator('img[src="x"], script, svg[onload], [onmouseover], a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Everything is read back from the library after a reload: still text.
  await page.reload();
  await expect(articleText(page)).toContainText('<img src=x onerror=alert(1)>');
  await claimEntry(page, 'A "><svg onload=alert(2)>').click();
  await expect(inspector(page).getByRole('group', { name: /Evidence 1/ }).getByLabel('Title')).toHaveValue('"><img src=x onerror=alert("title")>');
  await expectNothingInjected(page);

  expect(seen.dialogs).toEqual([]);
  expect(seen.remote).toEqual([]);
});

test('a saved web page with scripts, handlers, javascript: links and remote CSS imports as text only', async ({ app, page }) => {
  const seen = watch(page, app.baseURL);
  await page.goto(app.url);
  await signIn(page, 'Hal Hostile');
  await importArticles(page, HOSTILE_HTML);

  const article = articleText(page);
  await expect(article).toContainText('The harbour bridge will open two years late');
  await expect(article).toContainText('according to the ministry'); // a javascript: link's text, as text
  await expect(article).toContainText('<script>alert(9)</script> was typed into the public comment form');
  await expect(article).not.toContainText("alert('head script')");
  await expect(article.getByRole('img', { name: /U\+202E right-to-left override$/ })).toBeVisible();
  await expect(article.getByRole('img', { name: /U\+200B zero-width space$/ })).toBeVisible();
  await expectNothingInjected(page);

  await markClaim(page, 'The harbour bridge will open two years late');
  await expect(inspector(page).locator('blockquote')).toHaveText('The harbour bridge will open two years late');
  await page.reload();
  await expect(articleText(page)).toContainText('according to the ministry');
  await expectNothingInjected(page);

  expect(seen.dialogs).toEqual([]);
  expect(seen.remote).toEqual([]);
});
