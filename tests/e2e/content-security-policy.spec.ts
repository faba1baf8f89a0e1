/**
 * The page's Content-Security-Policy allows no inline styles (label colours are set through the
 * CSSOM, the fact-sheet preview's stylesheet by its hash): using the app, from marking a mention to
 * previewing a fact sheet with a verified claim, logs no violation.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { articleText, claimEntry, dragSelect, importArticles, inspector, markClaim, signIn, switchUser } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";

/** Reports each violation event as a console message too (a script string: this project's Node types have no DOM). */
const REPORT_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('Content Security Policy violation reported: ' + event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample));`;

/** Every policy violation the page and its frames report, as events and as console messages. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()) && /refused|violat/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
  });
  await page.addInitScript({ content: REPORT_VIOLATIONS });
  return violations;
}

test('a session of annotating, suggestions, settings and export logs no CSP violation', async ({ app, page }) => {
  // A long session: two users, suggestions, an export.
  test.setTimeout(150_000);
  const violations = await recordViolations(page);
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');

  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await expect(articleText(page)).toContainText('Reality TV star');

  // A mention: its label colour is set through the CSSOM, and it shows.
  const personKey = await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts');
  await dragSelect(page, 'Brittany K. Barnett');
  await page.keyboard.press(personKey!);
  const mention = articleText(page).locator('[data-s]', { hasText: /^Brittany K\. Barnett$/ });
  await expect(mention).toHaveCSS('box-shadow', /inset/);
  expect(await mention.evaluate((element) => element.style.getPropertyValue('--tint'))).toMatch(/^#[0-9a-f]{6}$/i);
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toBeVisible();

  // A claim researched and sent for review (another user approves it below, so the sheet shows it).
  await markClaim(page, PARDON);
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Start research' }).click();
  await claim.getByLabel('Verdict').selectOption('True');
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await expect(claim.getByText('Waiting for a reviewer')).toBeVisible();

  // Suggestions: dashed, tinted with their label's colour.
  await page.keyboard.press('Shift+S');
  const suggestion = articleText(page).locator('[data-suggestion]').first();
  await expect(suggestion).toBeVisible({ timeout: 30_000 });
  await expect(suggestion).toHaveCSS('outline-style', 'dashed');

  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'General' }).press('ArrowDown');
  await expect(settings.getByRole('list', { name: 'Verdict scales' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await switchUser(page, 'Bea Reviewer');
  await claimEntry(page, PARDON).click();
  await inspector(page).getByRole('button', { name: 'Approve' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');

  // The HTML preview is styled by the sheet's own stylesheet, allowed by its hash: the verified
  // claim has its verdict colour (a class of that stylesheet, not a style attribute).
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  const preview = page.frameLocator('iframe[title="Fact sheet preview"]');
  await expect(preview.locator('html')).toHaveCSS('background-color', 'rgb(244, 246, 249)');
  const verified = preview.locator('article.claim');
  await expect(verified).toHaveCount(1);
  await expect(verified).toHaveCSS('border-left-color', 'rgb(37, 147, 55)');
  await dialog.getByRole('radio', { name: /^Markdown/ }).check();
  await expect(dialog).toContainText('Provenance');

  expect(violations).toEqual([]);
});
