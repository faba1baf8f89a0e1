import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { claimEntry, importArticles, inspector, markClaim, signIn, switchUser } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";
const STALLONE = "The boxer's pardon had been championed by actor Sylvester Stallone";

/** Researches the selected claim: verdict, one piece of evidence, then "Send for review". */
async function researchAndSend(page: Page, verdict: string, evidenceTitle: string): Promise<void> {
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Start research' }).click();
  await expect(claim.getByRole('button', { name: 'Send for review' })).toBeDisabled(); // no verdict yet
  await expect(claim).toContainText('Give a verdict before sending it for review.');
  await claim.getByLabel('Verdict').selectOption(verdict);
  await claim.getByRole('button', { name: 'Add evidence' }).click();
  const evidence = claim.getByRole('group', { name: /Evidence 1/ });
  await evidence.getByLabel('Title').fill(evidenceTitle);
  await evidence.getByLabel('URL', { exact: true }).fill('https://www.justice.gov/pardon');
  await evidence.getByLabel('Publisher').click(); // leaving the URL field saves it
  await expect(evidence.getByRole('link', { name: 'Open URL' })).toBeVisible();
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await expect(claim.getByText('Waiting for a reviewer')).toBeVisible();
}

/** Opens the export dialog with Ctrl+E, saves the HTML fact sheet and returns the downloaded file's text. */
async function exportHtml(page: Page): Promise<string> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(dialog.getByRole('radio', { name: /^HTML/ })).toBeChecked();
  await expect(dialog.locator('iframe[title="Fact sheet preview"]')).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save fact sheet' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/fact-sheet\.html$/);
  const text = await readFile(await file.path(), 'utf8');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
  return text;
}

test('a checker sends a claim to review, another user approves it, and only it reaches the exported fact sheet', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);

  // Ada marks and researches two claims and sends both for review.
  await markClaim(page, PARDON);
  await researchAndSend(page, 'True', 'Presidential pardon of John Arthur Johnson');
  await markClaim(page, STALLONE);
  await researchAndSend(page, 'Mostly true', 'Stallone phone call');
  await expect(claimEntry(page, PARDON)).toContainText('in review');
  await expect(claimEntry(page, STALLONE)).toContainText('in review');

  // Bea reviews on the same machine: the user switch goes through the header menu.
  await switchUser(page, 'Bea Reviewer');
  await claimEntry(page, PARDON).click();
  const claim = inspector(page);
  await expect(claim).toContainText('Checked by Ada Checker');
  await expect(claim).toContainText('Checked by Ada Checker. Approve it, or request changes');
  await claim.getByLabel('Review comment').fill('Matches the DOJ record.');
  await claim.getByRole('button', { name: 'Approve' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');
  const thread = claim.getByRole('list', { name: 'Reviews and comments' });
  await expect(thread.getByRole('listitem')).toHaveCount(1);
  await expect(thread).toContainText('Bea Reviewer');
  await expect(thread).toContainText('Approved');
  await expect(thread).toContainText('Matches the DOJ record.');
  await expect(thread).not.toContainText('self-reviewed');

  // Every transition is in the claim's history, with who made it.
  await claim.getByText(/^History/).click();
  const history = claim.getByRole('list', { name: 'Claim history' });
  await expect(history).toContainText('Approved');
  await expect(history).toContainText('Sent for review');
  await expect(history).toContainText('Started research');
  await expect(history).toContainText('Marked the claim');
  await expect(history.getByRole('listitem').filter({ hasText: 'Approved' }).first()).toContainText('Bea Reviewer');
  await expect(history.getByRole('listitem').filter({ hasText: 'Sent for review' }).first()).toContainText('Ada Checker');

  // The dialog's preview and counts say what the sheet holds before it is saved.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(dialog).toContainText('1 verified claim included.');
  await expect(dialog).toContainText('1 claim not verified: 1 in review.');
  await expect(dialog.locator('code')).toHaveText(/^[0-9a-f]{64}$/);
  const preview = page.frameLocator('iframe[title="Fact sheet preview"]');
  await expect(preview.locator('body')).toContainText(PARDON);
  await expect(preview.locator('body')).not.toContainText('Sylvester Stallone');
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  await expect(dialog.getByLabel('Fact sheet preview (CSV)')).toContainText('Bea Reviewer');
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const html = await exportHtml(page);
  expect(html).toContain(PARDON.replace("'", '&#39;'));
  expect(html).toContain('Bea Reviewer');
  expect(html).not.toContain('Sylvester Stallone');
  expect(html).not.toContain('Stallone phone call');

  // PDF is printed when saved (headless Chromium in browser mode); the preview shows the page it prints.
  await page.getByRole('button', { name: 'Export fact sheet' }).click();
  await dialog.getByRole('radio', { name: /^PDF/ }).check();
  await expect(dialog).toContainText('Preview of the page the PDF is printed from.');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save fact sheet' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/fact-sheet\.pdf$/);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a checker approving their own claim must confirm it, and the sheet says self-reviewed', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Solo Sam');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  await researchAndSend(page, 'True', 'Presidential pardon of John Arthur Johnson');

  const claim = inspector(page);
  await expect(claim).toContainText('You checked this claim, so another person should approve it.');

  // Requesting changes needs a comment: refused in the form, with the reason, before any request.
  await claim.getByRole('button', { name: 'Request changes' }).click();
  await expect(claim.getByRole('alert')).toHaveText('Say what should change: requesting changes needs a comment.');
  await expect(claim.getByLabel('Review comment')).toBeFocused();
  await expect(claimEntry(page, PARDON)).toContainText('in review');

  // Approve asks first; Cancel leaves the claim in review.
  await claim.getByRole('button', { name: 'Approve' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve your own claim?' });
  await expect(confirm).toContainText('it will be marked self-reviewed');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(claimEntry(page, PARDON)).toContainText('in review');

  await claim.getByRole('button', { name: 'Approve' }).click();
  await confirm.getByRole('button', { name: 'Approve as self-review' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');
  await expect(claim.getByRole('list', { name: 'Reviews and comments' })).toContainText('self-reviewed');

  const html = await exportHtml(page);
  expect(html).toContain(PARDON.replace("'", '&#39;'));
  expect(html).toMatch(/self-reviewed/i);

  // A comment can be added at any time, and editing a verified claim sends it back to review.
  await claim.getByLabel('Review comment').fill('Double-checked the date.');
  await claim.getByRole('button', { name: 'Post comment' }).click();
  await expect(claim.getByRole('list', { name: 'Reviews and comments' }).getByRole('listitem')).toHaveCount(2);
  await claim.getByLabel('Explanation').fill('Pardoned on 24 May 2018.');
  await claim.getByLabel('Claim as checked').click();
  await expect(claimEntry(page, PARDON)).toContainText('in review');
});

test('verdict scales are edited in the settings, and a verdict says which scale version it was given on', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Vera Scale');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  const claim = inspector(page);
  await claim.getByLabel('Verdict').selectOption('True');
  await expect(claim).not.toContainText('Given on');

  // Rename a verdict: the scale gets a new version.
  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'General' }).press('ArrowDown'); // the tabs follow the arrow keys
  await expect(settings.getByRole('tab', { name: 'Verdict scales' })).toHaveAttribute('aria-selected', 'true');
  const scales = settings.getByRole('list', { name: 'Verdict scales' });
  await expect(scales.getByRole('listitem')).toHaveCount(1);
  await expect(scales).toContainText('version 1');
  await settings.getByRole('button', { name: /^Edit / }).click();
  await settings.getByLabel('Verdict 1 label').fill('Correct');
  await settings.getByRole('button', { name: 'Save scale' }).click();
  await expect(scales).toContainText('version 2');
  await expect(scales).toContainText('Correct (5)');

  // A new scale: checked before it is sent, then chosen for new verdicts.
  await settings.getByRole('button', { name: 'Add a scale' }).click();
  await settings.getByLabel('Verdict 2 label').fill('correct');
  await settings.getByRole('button', { name: 'Save scale' }).click();
  const problems = settings.getByRole('alert');
  await expect(problems).toContainText('Give the scale a name.');
  await expect(problems).toContainText('“correct” is listed twice.');
  await settings.getByLabel('Scale name').fill('Newsroom scale');
  await settings.getByLabel('Verdict 2 label').fill('Largely accurate');
  await settings.getByRole('button', { name: 'Remove verdict 8' }).click();
  await settings.getByRole('button', { name: 'Save scale' }).click();
  await expect(scales.getByRole('listitem')).toHaveCount(2);
  await settings.getByRole('button', { name: 'Use Newsroom scale for new verdicts' }).click();
  await expect(scales.getByRole('listitem').filter({ hasText: 'Newsroom scale' })).toContainText('In use');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // The claim's verdict was given on version 1 of the default scale; the inspector says so.
  await expect(claim).toContainText('Given on “Default five-point scale”, version 1; new verdicts use “Newsroom scale”, version 1.');
  await expect(claim.getByLabel('Verdict')).toHaveValue('True');
  await claim.getByLabel('Verdict').selectOption('Largely accurate');
  await expect(claim).not.toContainText('Given on');
});

test('the reviewer approves, the checker edits after: the claim leaves the fact sheet and the window says why', async ({ app, page }) => {
  test.slow(); // three users' turns, each with an export preview
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  await researchAndSend(page, 'True', 'Presidential pardon of John Arthur Johnson');

  await switchUser(page, 'Bea Reviewer');
  await claimEntry(page, PARDON).click();
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Approve' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');
  const approval = claim.getByRole('status', { name: 'Approval' });
  await expect(approval).toContainText(/Approved by Bea Reviewer \(key [0-9a-f]{4}( [0-9a-f]{4}){3}\), signed, on exactly what the claim says now\./);
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(dialog).toContainText('1 verified claim included.');
  const preview = page.frameLocator('iframe[title="Fact sheet preview"]');
  await expect(preview.locator('body')).toContainText(PARDON);
  await expect(preview.locator('body')).toContainText(/Bea Reviewer \(key [0-9a-f ]{19}\)/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Ada edits the explanation after the approval: the approval no longer covers what the sheet would show.
  await switchUser(page, 'Ada Checker');
  await claimEntry(page, PARDON).click();
  await claim.getByLabel('Explanation').fill('Pardoned posthumously on 24 May 2018.');
  await claim.getByLabel('Claim as checked').click();
  await expect(page.getByText('Back in review: the explanation changed after Bea Reviewer approved it')).toBeVisible();
  await expect(claimEntry(page, PARDON)).toContainText('in review');
  await expect(approval).toHaveText('Approval outdated: the explanation changed after Bea Reviewer approved it. It needs a new review.');
  await expect(claim.getByRole('list', { name: 'Reviews and comments' })).toContainText('outdated: the claim changed since');

  await page.keyboard.press('Control+e');
  await expect(dialog).toContainText('0 verified claims included.');
  await expect(dialog).toContainText('1 claim not verified: 1 in review.');
  await expect(preview.locator('body')).not.toContainText(PARDON);
  await page.keyboard.press('Escape');

  // Bea approves the new wording: it is back on the sheet.
  await switchUser(page, 'Bea Reviewer');
  await claimEntry(page, PARDON).click();
  await claim.getByRole('button', { name: 'Approve' }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');
  await page.keyboard.press('Control+e');
  await expect(dialog).toContainText('1 verified claim included.');
  await expect(preview.locator('body')).toContainText('Pardoned posthumously on 24 May 2018.');
});
