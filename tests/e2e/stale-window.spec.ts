/**
 * A window that has not caught up with the library cannot verify a claim: an approval is refused
 * when the claim changed since the window showed it, or when another window switched the user.
 */
import type { Page } from '@playwright/test';
import { type FactdeskApp, callApi, expect, test } from './fixtures';
import { claimEntry, inspector, switchUser } from './page-actions';
import { CHECKER, REVIEWER, SAMPLE, importFile, seedClaims } from './seed-library';

const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";

interface StoredClaim {
  id: string;
  status: string;
}

/** The claim's status and its reviews as the library holds them. */
async function stored(app: FactdeskApp, documentId: string, claimId: string) {
  const view = await callApi<{ claims: StoredClaim[]; reviews: { claimId: string }[] }>(app, 'documents.get', { id: documentId });
  return { status: view.claims.find((c) => c.id === claimId)!.status, reviews: view.reviews.filter((r) => r.claimId === claimId) };
}

/** The sample with the pardon claim in review, checked by the checker; the window opened on it as `user`. */
async function claimInReviewOpenAs(app: FactdeskApp, page: Page, user: string) {
  const documentId = await importFile(app, SAMPLE);
  const [claimId] = await seedClaims(app, documentId, [
    { quote: PARDON, verdict: 'True', explanation: 'The Justice Department lists the pardon.', until: 'in review' }
  ]);
  await callApi(app, 'settings.update', { userName: user });
  await page.goto(app.url);
  await page.getByRole('link', { name: /^Reality TV star/ }).click();
  await claimEntry(page, PARDON).click();
  return { documentId, claimId: claimId! };
}

test('a reviewer approving a claim the checker changed since her window showed it is refused, and sees it as it is now', async ({
  app,
  page
}) => {
  const { documentId, claimId } = await claimInReviewOpenAs(app, page, REVIEWER);
  const card = inspector(page).getByRole('article', { name: 'As it will be published' });
  await expect(card.getByRole('region', { name: 'Verdict' })).toContainText('True');

  // Meanwhile the checker changes the verdict and the explanation from the command line.
  await callApi(app, 'settings.update', { userName: CHECKER });
  await callApi(app, 'claims.update', { id: claimId, verdictLabel: 'False', explanation: 'CHANGED: the register shows only 450 permits.' });
  await callApi(app, 'settings.update', { userName: REVIEWER });
  await expect(card.getByRole('region', { name: 'Verdict' })).toContainText('True');

  await inspector(page).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(/This claim changed since you opened it: .* Look at it again before you approve\./)).toBeVisible();
  // The window reads the claim again: the reviewer now sees what it says.
  await expect(card.getByRole('region', { name: 'Verdict' })).toContainText('False');
  await expect(card.getByRole('region', { name: 'Explanation' })).toContainText('CHANGED: the register shows only 450 permits.');
  expect(await stored(app, documentId, claimId)).toEqual({ status: 'in review', reviews: [] });
  await expect(claimEntry(page, PARDON)).not.toContainText('verified');
});

test('a checker confirming a self-review in a tab that still shows her, after another tab switched the user, is refused', async ({
  app,
  page
}) => {
  const { documentId, claimId } = await claimInReviewOpenAs(app, page, CHECKER);
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Approve' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve your own claim?' });
  await expect(confirm).toBeVisible();

  // In another tab on the same library, the user is switched to the reviewer.
  const other = await page.context().newPage();
  await other.goto(app.url);
  await switchUser(other, REVIEWER);
  await other.close();
  await expect(page.getByRole('button', { name: `User menu — signed in as ${CHECKER}` })).toBeVisible();

  await confirm.getByRole('button', { name: 'Approve as self-review' }).click();
  await expect(
    page.getByText(`Factdesk is now used as ${REVIEWER} (switched in another window). Reload to go on as ${REVIEWER}, or switch back.`)
  ).toBeVisible();
  expect(await stored(app, documentId, claimId)).toEqual({ status: 'in review', reviews: [] });
  // The tab now shows who Factdesk is used as.
  await expect(page.getByRole('button', { name: `User menu — signed in as ${REVIEWER}` })).toBeVisible();
  await expect(claimEntry(page, PARDON)).not.toContainText('verified');
});
