import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { claimEntry, inspector, switchUser } from './page-actions';
import { CHECKER, REVIEWER, SAMPLE, importFile, seedClaims } from './seed-library';

const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";
const EXPLANATION = 'The Justice Department lists the pardon of John Arthur Johnson on 24 May 2018.';
const EVIDENCE_TITLE = 'Pardons granted by President Donald Trump';
const EVIDENCE_URL = 'https://www.justice.gov/pardon/pardons-granted-president-donald-trump';

/** Whether an input shows all of its value (nothing scrolled out of its box). */
const showsAll = (field: Locator) =>
  field.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight);

async function openClaim(page: Page): Promise<void> {
  await claimEntry(page, PARDON).click();
  await expect(inspector(page).getByRole('heading', { name: /^(Claim|Review the claim)$/ })).toBeVisible();
}

test('the reviewer sees the claim as it will be published, decides at the top, and sees what changed after the checker re-sends it', async ({ app, page }) => {
  const documentId = await importFile(app, SAMPLE);
  await seedClaims(app, documentId, [
    {
      quote: PARDON,
      verdict: 'Mostly false',
      explanation: EXPLANATION,
      evidence: [{ relation: 'supports', title: EVIDENCE_TITLE, url: EVIDENCE_URL, publisher: 'US Department of Justice' }],
      until: 'in review'
    }
  ]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  await page.getByRole('link', { name: /^Reality TV star/ }).click();

  // The checker keeps the editing form, wide enough to read the evidence title and address.
  await openClaim(page);
  const claim = inspector(page);
  await expect(claim.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  const evidence = claim.getByRole('group', { name: /Evidence 1/ });
  await expect(evidence.getByLabel('Title')).toHaveValue(EVIDENCE_TITLE);
  expect(await showsAll(evidence.getByLabel('Title'))).toBe(true);
  expect(await showsAll(evidence.getByLabel('URL', { exact: true }))).toBe(true);
  expect(await showsAll(evidence.getByLabel('Publisher'))).toBe(true);

  // The reviewer: a read-only card, Approve and Request changes above it.
  await switchUser(page, REVIEWER);
  await openClaim(page);
  await expect(claim.getByRole('heading', { name: 'Review the claim' })).toBeVisible();
  const card = claim.getByRole('article', { name: 'As it will be published' });
  await expect(card.getByRole('region', { name: 'Claim as checked' })).toContainText(PARDON);
  await expect(card.getByRole('region', { name: 'Verdict' })).toContainText('Mostly false');
  await expect(card.getByRole('region', { name: 'Verdict' }).locator('.rating')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expect(card.getByRole('region', { name: 'Explanation' })).toContainText(EXPLANATION);
  const link = card.getByRole('region', { name: 'Evidence' }).getByRole('link', { name: EVIDENCE_TITLE });
  await expect(link).toHaveAttribute('href', EVIDENCE_URL);
  await expect(card).toContainText('US Department of Justice');
  await expect(card).toContainText(CHECKER);
  // No editing field: the only text box is the review comment.
  await expect(claim.getByRole('textbox')).toHaveCount(1);
  await expect(claim.getByRole('textbox')).toHaveAccessibleName('Review comment');
  await expect(claim.getByRole('combobox')).toHaveCount(0);
  const approve = claim.getByRole('button', { name: 'Approve' });
  const requestChanges = claim.getByRole('button', { name: 'Request changes' });
  expect((await approve.boundingBox())!.y).toBeLessThan((await card.boundingBox())!.y);
  expect((await requestChanges.boundingBox())!.y).toBeLessThan((await card.boundingBox())!.y);
  const changes = claim.getByRole('region', { name: 'What changed since the last review' });
  await expect(changes).toContainText('Nobody has reviewed this claim yet');
  // A reviewer may still choose to edit the claim, and go back.
  await claim.getByRole('button', { name: 'Edit the claim yourself' }).click();
  await expect(claim.getByLabel('Explanation')).toHaveValue(EXPLANATION);
  await claim.getByRole('button', { name: 'Back to the claim as it will be published' }).click();
  await expect(card).toBeVisible();

  await claim.getByLabel('Review comment').fill('The record says True: check the verdict and the explanation.');
  await requestChanges.click();
  await expect(claimEntry(page, PARDON)).toContainText('changes requested');

  // The checker edits the verdict and the explanation, and sends it again.
  await switchUser(page, CHECKER);
  await openClaim(page);
  await claim.getByRole('button', { name: 'Resume research' }).click();
  await claim.getByLabel('Verdict').selectOption('True');
  await claim.getByLabel('Explanation').fill('Pardoned posthumously on 24 May 2018, as the Justice Department lists.');
  await claim.getByLabel('Claim as checked').click(); // leaving the field saves it
  await expect(claimEntry(page, PARDON)).toContainText('True');
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('in review');

  // The reviewer sees each changed part then and now, and the card as it stands.
  await switchUser(page, REVIEWER);
  await openClaim(page);
  await expect(changes).toContainText(`${REVIEWER} requested changes`);
  await expect(changes.getByRole('region')).toHaveCount(2);
  const verdict = changes.getByRole('region', { name: 'Verdict changed' });
  await expect(verdict).toContainText(/Then\s*Mostly false/);
  await expect(verdict).toContainText(/Now\s*True/);
  const explanation = changes.getByRole('region', { name: 'Explanation changed' });
  await expect(explanation).toContainText(EXPLANATION);
  await expect(explanation).toContainText('Pardoned posthumously on 24 May 2018');
  await expect(card.getByRole('region', { name: 'Explanation' })).toContainText('Pardoned posthumously on 24 May 2018');
  await approve.click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');
});
