/**
 * Shared annotation files between two libraries (a checker's and a reviewer's machine): export,
 * preview, open into review mode, approve, send back, merge; conflicts; refusals; interchange.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Download, Locator, Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { claimEntry, filesTransfer, importArticles, inspector, markClaim, signIn } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";

interface Saved {
  name: string;
  path: string;
  text: string;
}

async function saved(download: Promise<Download>): Promise<Saved> {
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/** Chooses an item of the document header's "Share" menu with the keyboard. */
async function share(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('menu', { name: 'Share' }).getByRole('menuitem', { name: item }).click();
}

async function exportAnnotationFile(page: Page): Promise<Saved> {
  const download = page.waitForEvent('download');
  await share(page, 'Export Annotation File…');
  return saved(download);
}

/** "Open shared file…" in the library, with the file chooser. */
async function openSharedFile(page: Page, file: Saved | { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open shared file…' }).click();
  await (await chooser).setFiles('path' in file ? file.path : file);
  return page.getByRole('dialog', { name: /^(Open shared annotation file|Shared file refused)$/ });
}

/** Drops a file on the window, as a user drags it from their file manager. */
async function dropFile(page: Page, file: Saved): Promise<void> {
  const dataTransfer = await filesTransfer(page, [{ name: file.name, bytes: Buffer.from(file.text, 'utf8') }]);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

/** A report value of the preview / open dialog ("Annotations found in the text" → "1"). */
const reportValue = (dialog: Locator, term: string) => dialog.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('+ dd');

async function researchAndSend(page: Page, explanation: string): Promise<void> {
  const claim = inspector(page);
  await claim.getByRole('button', { name: 'Start research' }).click();
  await claim.getByLabel('Verdict').selectOption('True');
  await setExplanation(page, explanation);
  await claim.getByRole('button', { name: 'Add evidence' }).click();
  const evidence = claim.getByRole('group', { name: /Evidence 1/ });
  await evidence.getByLabel('Title').fill('Presidential pardon of John Arthur Johnson');
  await evidence.getByLabel('URL', { exact: true }).fill('https://www.justice.gov/pardon');
  await evidence.getByLabel('Publisher').click(); // leaving the URL field saves it
  await expect(evidence.getByRole('link', { name: 'Open URL' })).toBeVisible();
  await claim.getByRole('button', { name: 'Send for review' }).click();
  await expect(claim.getByText('Waiting for a reviewer')).toBeVisible();
}

async function setExplanation(page: Page, text: string): Promise<void> {
  const field = inspector(page).getByLabel('Explanation');
  await field.fill(text);
  await field.blur(); // saved on change
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('title', /Undo: edited the claim/);
}

/** Bea opens Ada's file in her own library, gives the claim her explanation (approving it if asked) and sends it back. */
async function beaRewrites(context: BrowserContext, url: string, fromAda: Saved, { approve }: { approve: boolean }): Promise<Saved> {
  const bea = await context.newPage();
  await bea.goto(url);
  await signIn(bea, 'Bea Reviewer');
  const opened = await openSharedFile(bea, fromAda);
  await opened.getByRole('button', { name: 'Open', exact: true }).click();
  await bea.getByRole('button', { name: 'Show the document' }).click();
  await claimEntry(bea, PARDON).click();
  // A claim in review opens as it will be published; Bea edits it herself.
  const heading = inspector(bea).getByRole('heading', { name: /^(Claim|Review the claim)$/ });
  await expect(heading).toBeVisible();
  if ((await heading.textContent()) === 'Review the claim') await inspector(bea).getByRole('button', { name: 'Edit the claim yourself' }).click();
  await setExplanation(bea, 'Bea: the pardon was signed on 24 May.');
  if (approve) {
    await inspector(bea).getByRole('button', { name: 'Approve' }).click();
    // She changed the wording herself, so her approval is a self-review: the window asks first.
    await bea.getByRole('dialog', { name: 'Approve your own claim?' }).getByRole('button', { name: 'Approve as self-review' }).click();
  }
  const download = bea.waitForEvent('download');
  await bea.getByRole('region', { name: 'Review mode' }).getByRole('button', { name: 'Send back' }).click();
  return saved(download);
}

test('a reviewer opens the checker’s file, approves the claim and sends it back; the checker merges it', async ({ app, otherApp, page, context }) => {
  test.slow(); // two windows, two libraries, and a key to trust
  // Ada (checker) researches a claim and exports the annotation file.
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  await researchAndSend(page, 'The DOJ lists the pardon.');
  const fromAda = await exportAnnotationFile(page);
  expect(fromAda.name).toMatch(/\.factdesk\.json$/);
  expect(JSON.parse(fromAda.text)).toMatchObject({ formatVersion: expect.any(Number) });

  // Bea (reviewer) opens it in her own library: a preview first, nothing written yet.
  const bea = await context.newPage();
  await bea.goto(otherApp.url);
  await signIn(bea, 'Bea Reviewer');
  let dialog = await openSharedFile(bea, fromAda);
  await expect(dialog).toContainText('from Ada Checker');
  await expect(dialog).toContainText('A new document');
  await expect(dialog).toContainText(/Signed by Ada Checker, key [0-9a-f]{4}( [0-9a-f]{4}){3}: valid, but this library does not trust that key yet\./);
  await expect(reportValue(dialog, 'Annotations found in the text')).toHaveText('1');
  await expect(reportValue(dialog, 'Annotations that could not be placed')).toHaveText('0');
  await expect(reportValue(dialog, 'Conflicts to decide')).toHaveText('0');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bea.getByRole('heading', { name: 'No articles yet' })).toBeVisible(); // the preview wrote nothing

  dialog = await openSharedFile(bea, fromAda);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(bea.getByRole('dialog', { name: 'Shared file opened' })).toBeVisible();
  await bea.getByRole('button', { name: 'Show the document' }).click();

  // Review mode: the claim waiting for review comes first.
  const review = bea.getByRole('region', { name: 'Review mode' });
  await expect(review).toContainText("Opened from Ada Checker's file");
  // Folded to one line to leave the article its room: opened to pick the claim.
  await review.getByText('1 claim waiting for review', { exact: true }).click();
  await review.getByRole('button', { name: new RegExp(`^${PARDON.slice(0, 30)}`) }).click();
  const claim = inspector(bea);
  await expect(claim).toContainText('Checked by Ada Checker');
  await claim.getByLabel('Review comment').fill('Matches the DOJ record.');
  await claim.getByRole('button', { name: 'Approve' }).click();
  await expect(claimEntry(bea, PARDON)).toContainText('verified');
  await expect(review).toContainText('No claims are waiting for review');
  const download = bea.waitForEvent('download');
  await review.getByRole('button', { name: 'Send back' }).click();
  const fromBea = await saved(download);
  expect(fromBea.name).toMatch(/\.factdesk\.json$/);
  // Review mode lasts while the window is open, not across a reload.
  await bea.reload();
  await expect(claimEntry(bea, PARDON)).toContainText('verified');
  await expect(bea.getByRole('region', { name: 'Review mode' })).toHaveCount(0);

  // Ada drops the returned file on her window: it merges into her copy.
  await page.bringToFront();
  await dropFile(page, fromBea);
  dialog = page.getByRole('dialog', { name: 'Open shared annotation file' });
  await expect(dialog).toContainText('Merged into');
  await expect(dialog).toContainText('matched by the same document id');
  await expect(reportValue(dialog, 'Reviews added')).toHaveText('1');
  await expect(reportValue(dialog, 'Conflicts to decide')).toHaveText('0');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Shared file merged' })).toBeVisible();
  await page.getByRole('button', { name: 'Show the document' }).click();
  // The checker has nothing to review in the file sent back: no review mode for her.
  await expect(page.getByRole('region', { name: 'Review mode' })).toHaveCount(0);
  // Bea's key is new to Ada's library: her approval counts once Ada trusts it (after comparing fingerprints).
  await expect(claimEntry(page, PARDON)).toContainText('in review');
  await claimEntry(page, PARDON).click();
  const approval = inspector(page).getByRole('status', { name: 'Approval' });
  await expect(approval).toContainText("Bea Reviewer's approval is signed with a key this library does not trust yet");
  await approval.getByRole('button', { name: /^Trust Bea Reviewer's key [0-9a-f ]{19}$/ }).click();
  await expect(claimEntry(page, PARDON)).toContainText('verified');
  await expect(approval).toContainText('Approved by Bea Reviewer');
  const thread = inspector(page).getByRole('list', { name: 'Reviews and comments' });
  await expect(thread).toContainText('Bea Reviewer');
  await expect(thread).toContainText('Approved');
  await expect(thread).toContainText('Matches the DOJ record.');
});

test('reviewer approves while the checker edits the explanation: the approval is of other wording, so the claim stays off the fact sheet', async ({ app, otherApp, page, context }) => {
  test.setTimeout(150_000); // two libraries and two windows, a review round trip and an export preview
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  await researchAndSend(page, 'First draft.');
  const fromAda = await exportAnnotationFile(page);

  const fromBea = await beaRewrites(context, otherApp.url, fromAda, { approve: true });

  await page.bringToFront();
  await setExplanation(page, 'Ada: unreviewed wording.');
  await page.getByRole('button', { name: /Library/ }).click();
  const dialog = await openSharedFile(page, fromBea);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Show the document' }).click();

  await page.keyboard.press('Control+e');
  const exportDialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(exportDialog).toContainText('0 verified claims included');
  await expect(exportDialog).toContainText('1 claim not verified: 1 in review.');
  // Not a verified claim held back: Bea's approval is of her wording, not of what Ada's library now shows.
  await expect(exportDialog.getByRole('region', { name: 'Held back by open conflicts' })).toHaveCount(0);
  await expect(exportDialog.frameLocator('iframe[title="Fact sheet preview"]').locator('body')).not.toContainText('unreviewed wording');
});

test('a file that restyles a label changes the whole library only when the user consents in the preview', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  const file = JSON.parse((await exportAnnotationFile(page)).text);
  // The library's Person label (#2f6fde), restyled in the file.
  file.labelSet.push({ key: 'person', name: 'Suspects', color: '#000000', hotkey: '1' });
  // Edited by hand, so no longer the author's signed file: it goes out unsigned.
  delete file.signature;
  const change = 'Label "Person" #2f6fde → "Suspects" #000000';
  await page.getByRole('button', { name: /Library/ }).click();

  const dialog = await openSharedFile(page, { name: 'restyled.factdesk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const changes = dialog.getByRole('region', { name: 'Changes to the whole library' });
  await expect(changes).toContainText(`${change}: not applied, this library keeps its own.`);
  await changes.getByRole('checkbox', { name: 'Apply these changes to the whole library' }).click();
  await expect(changes).toContainText(`${change}: applied.`);
  await expect(changes.getByRole('checkbox', { name: 'Apply these changes to the whole library' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Shared file merged' })).toContainText(`${change}: applied.`);
});

test('both sides change the explanation: the conflict is resolved side by side before the file can be sent', async ({ app, otherApp, page, context }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);
  await setExplanation(page, 'First draft.');
  const fromAda = await exportAnnotationFile(page);

  const fromBea = await beaRewrites(context, otherApp.url, fromAda, { approve: false });

  // Meanwhile Ada changed the same field.
  await page.bringToFront();
  await setExplanation(page, 'Ada: the DOJ lists the pardon.');
  await page.getByRole('button', { name: /Library/ }).click();
  const dialog = await openSharedFile(page, fromBea);
  await expect(reportValue(dialog, 'Conflicts to decide')).toHaveText('1');
  await expect(dialog).toContainText('nothing is decided silently');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Show the document' }).click();

  // Writing the file is refused while the conflict is open, and says why.
  await share(page, 'Export Annotation File…');
  await expect(page.getByText(/1 unresolved merge conflict; resolve them before writing its annotation file/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Resolve conflicts (1 open conflict)' }).click();
  const view = page.getByRole('dialog', { name: 'Resolve conflicts' });
  const conflict = view.getByRole('listitem');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('explanation');
  await expect(conflict.getByRole('group', { name: 'Base (last common value)' })).toContainText('First draft.');
  await expect(conflict.getByRole('group', { name: 'Mine' })).toContainText('Ada: the DOJ lists the pardon.');
  await expect(conflict.getByRole('group', { name: 'Theirs' })).toContainText('Bea: the pardon was signed on 24 May.');
  await expect(conflict.getByRole('group', { name: 'Theirs' })).toContainText('Bea Reviewer');
  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(view).toContainText('No open conflicts');
  await expect(view.getByRole('listitem')).toHaveCount(0);
  await view.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: /^Resolve conflicts/ })).toBeHidden();
  await claimEntry(page, PARDON).click();
  await expect(inspector(page).getByLabel('Explanation')).toHaveValue('Bea: the pardon was signed on 24 May.');

  // Now the file is written.
  const again = await exportAnnotationFile(page);
  expect(again.text).toContain('Bea: the pardon was signed on 24 May.');
});

test('a file that is not JSON is refused with a clear message and the library is unchanged', async ({ app, page }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await page.getByRole('button', { name: /Library/ }).click();
  const rows = page.getByRole('main', { name: 'Library' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);

  const dialog = await openSharedFile(page, { name: 'broken.factdesk.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1,') });
  await expect(dialog).toHaveAccessibleName('Shared file refused');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('broken.factdesk.json was not opened. Nothing in the library was changed.');
  await expect(alert).toContainText(/JSON/);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(rows).toHaveCount(1);
});

test('interchange: W3C Web Annotations and brat export, and the brat pair imported into another library', async ({ app, otherApp, page, context }) => {
  await page.goto(app.url);
  await signIn(page, 'Ada Checker');
  await importArticles(page, SAMPLE);
  await markClaim(page, PARDON);

  const download = page.waitForEvent('download');
  await share(page, 'Export W3C Web Annotations (JSON-LD)');
  const w3c = await saved(download);
  expect(w3c.name).toMatch(/\.jsonld$/);
  expect(JSON.parse(w3c.text)).toMatchObject({ type: 'AnnotationCollection' });

  // One download from one menu item: the .txt and the .ann in a zip.
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  const zipped = page.waitForEvent('download');
  await share(page, 'Export brat (.txt + .ann in a .zip)');
  const archive = await zipped;
  expect(archive.suggestedFilename()).toMatch(/\.brat\.zip$/);
  const zip = await JSZip.loadAsync(await readFile(await archive.path()));
  const brat = await Promise.all(Object.values(zip.files).map(async (entry) => ({ name: entry.name, text: await entry.async('string') })));
  expect(brat.map((file) => file.name.slice(file.name.lastIndexOf('.'))).sort()).toEqual(['.ann', '.txt']);
  expect(brat.find((file) => file.name.endsWith('.ann'))?.text).toMatch(/^T1\t/m);
  expect(downloads).toBe(1);

  const bea = await context.newPage();
  await bea.goto(otherApp.url);
  await signIn(bea, 'Bea Reviewer');
  const chooser = bea.waitForEvent('filechooser');
  await bea.getByRole('button', { name: 'Import brat…' }).click();
  await (await chooser).setFiles(brat.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
  await expect(claimEntry(bea, PARDON)).toBeVisible();
});
