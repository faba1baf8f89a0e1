/**
 * The page's Content-Security-Policy allows no inline styles (label colours are set through the
 * CSSOM, the fact-sheet preview's stylesheet by its hash): using the app logs no violation.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { articleText, dragSelect, importArticles, inspector, markClaim, signIn } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));

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

  await markClaim(page, "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion");
  await inspector(page).getByLabel('Verdict').selectOption('True');

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

  // The HTML preview is styled by the sheet's own stylesheet, allowed by its hash.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  const preview = page.frameLocator('iframe[title="Fact sheet preview"]');
  await expect(preview.locator('html')).toHaveCSS('background-color', 'rgb(244, 246, 249)');
  await dialog.getByRole('radio', { name: /^Markdown/ }).check();
  await expect(dialog).toContainText('Provenance');

  expect(violations).toEqual([]);
});
