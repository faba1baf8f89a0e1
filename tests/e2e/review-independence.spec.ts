import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { claimEntry, importArticles, inspector, markClaim, signIn, switchUser } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";

/** Ada marks the claim, gives it a verdict and sends it for review; then Bea, on the same machine, selects it. */
async function adaSendsForReviewToBea(url: string, page: Page, verdict: string): Promise<void> {
  await page.goto(url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Start research' }).click();
  await claim.getByLabel('Verdict').selectOption(verdict);
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('in review');
  await switchUser(page, 'Bea Reviewer');
  await claimEntry(page, PARDON).click();
}

test('a reviewer who finds a mistake after approving sends the verified claim back, and it leaves the fact sheet', async ({ app, page }) => {
  await adaSendsForReviewToBea(app.url, page, 'True');
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Approve' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');

  // On the verified claim the review panel still offers to send it back, with a comment.
  await expect(claim).toContainText('Found a mistake? Request changes');
  const sendBack = claim.getByRole('button', { name: 'Request changes' });
  await sendBack.click();
  await expect(claim.getByRole('alert')).toHaveText('Say what should change: requesting changes needs a comment.');
  await expect(claim.getByLabel('Review comment')).toBeFocused();
  await expect(claimEntry(page, PARDON)).toContainText('verified');

  await page.keyboard.type('The pardon was granted in May, not last week.');
  await sendBack.focus();
  await page.keyboard.press('Enter');
  await expect(claimEntry(page, PARDON)).toContainText('changes requested');
  const thread = claim.getByRole('list', { name: 'Reviews and comments' });
  await expect(thread.getByRole('listitem').filter({ hasText: 'Requested changes' })).toContainText('The pardon was granted in May');

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(dialog).toContainText('1 claim not verified: 1 changes requested.');
  await expect(page.frameLocator('iframe[title="Fact sheet preview"]').locator('body')).not.toContainText(PARDON);
});

test('a reviewer who rewrote the verdict approves it only as a self-review, and the sheet names her as a checker', async ({ app, page }) => {
  await adaSendsForReviewToBea(app.url, page, 'Unverifiable');
  const claim = inspector(page);
  await claim.getByLabel('Review comment').fill('The DOJ record settles it.');
  await claim.getByRole('button', { name: 'Request changes' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('changes requested');
  await claim.getByRole('button', { name: 'Resume research' }).click();
  await claim.getByLabel('Verdict').selectOption('True');
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('in review');

  await expect(claim).toContainText('You changed this claim, so another person should approve it.');
  await claim.getByRole('button', { name: 'Approve' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve your own claim?' });
  await expect(confirm).toContainText('You (Bea Reviewer) changed this claim.');
  await confirm.getByRole('button', { name: 'Approve as self-review' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');

  await page.keyboard.press('Control+e');
  const sheet = page.frameLocator('iframe[title="Fact sheet preview"]').locator('body');
  await expect(sheet).toContainText('Ada Checker, Bea Reviewer');
  await expect(sheet).toContainText('self-reviewed by Bea Reviewer');
});
