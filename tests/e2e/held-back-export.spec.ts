/**
 * A claim verified through a shared-file round trip, then edited on both sides outside what the sheet
 * shows: the open conflict holds it back, and the export dialog says so; the claim's history says the
 * received approval's signature is valid. The libraries are prepared through the browser-mode API;
 * the dialog and the history are driven in the window.
 */
import { readFile } from 'node:fs/promises';
import { callApi, expect, test, type FactdeskApp } from './fixtures';
import { claimEntry, inspector } from './page-actions';
import { REVIEWER, SAMPLE, importFile, seedClaims } from './seed-library';

const PARDON = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";

interface Records {
  evidence: { id: string }[];
  reviews: { author: string; publicKey: string | null }[];
}

/** Packs the document in one library and opens the file in the other, as a colleague would; the open report's conflicts. */
async function send(from: FactdeskApp, to: FactdeskApp, documentId: string, fileName: string) {
  const packed = await callApi<{ content: string }>(from, 'exchange.pack', { documentId });
  const report = await callApi<{ conflicts: { remaining: number } }>(to, 'exchange.open', {
    fileName,
    dataBase64: Buffer.from(packed.content, 'utf8').toString('base64')
  });
  return report.conflicts.remaining;
}

const includedClaims = async (app: FactdeskApp, documentId: string) =>
  (await callApi<{ included: number }>(app, 'export.factSheet', { documentId, format: 'md' })).included;

test('a verified claim with an open conflict is held back: the export dialog names it, the saved sheet leaves it out, the history shows the valid signature', async ({ app, otherApp, page }) => {
  test.slow(); // two libraries, three shared files and an export
  // Ada (checker) sends the claim for review; Bea (reviewer) approves it in her library and sends it back.
  const documentId = await importFile(app, SAMPLE);
  const [claimId] = await seedClaims(app, documentId, [
    {
      quote: PARDON,
      verdict: 'True',
      explanation: 'The DOJ lists the pardon.',
      evidence: [{ relation: 'supports', title: 'Presidential pardon of John Arthur Johnson', url: 'https://www.justice.gov/pardon' }],
      until: 'in review'
    }
  ]);
  await callApi(otherApp, 'settings.update', { userName: REVIEWER });
  await send(app, otherApp, documentId, 'from-ada.factdesk.json');
  await callApi(otherApp, 'reviews.create', { claimId, decision: 'approve' });
  expect(await send(otherApp, app, documentId, 'from-bea.factdesk.json')).toBe(0);
  // Ada trusts Bea's key (after comparing fingerprints): the claim is verified and on the sheet.
  const { reviews, evidence } = await callApi<Records>(app, 'documents.get', { id: documentId });
  const beaKey = reviews.find((review) => review.author === REVIEWER)!.publicKey;
  await callApi(app, 'keys.trust', { userName: REVIEWER, publicKey: beaKey });
  expect(await includedClaims(app, documentId)).toBe(1);

  // Both change the evidence's note, which the sheet does not show, and Bea sends her file again.
  await callApi(app, 'evidence.update', { id: evidence[0]!.id, note: 'Ada: call the press office.' });
  await callApi(otherApp, 'evidence.update', { id: evidence[0]!.id, note: 'Bea: archived on 7 June.' });
  expect(await send(otherApp, app, documentId, 'from-bea-2.factdesk.json')).toBeGreaterThan(0);

  await page.goto(app.url);
  await page.getByRole('main', { name: 'Library' }).getByRole('link').first().click();
  await expect(page.getByRole('main', { name: 'Article text' })).toContainText('posthumous pardon');
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export fact sheet' });
  await expect(dialog).toContainText('0 verified claims included');
  const heldBack = dialog.getByRole('region', { name: 'Held back by open conflicts' });
  await expect(heldBack).toContainText('1 verified claim stays off the sheet until the conflicts from a shared file are resolved');
  await expect(heldBack.getByRole('listitem')).toHaveText([PARDON]);
  const preview = dialog.frameLocator('iframe[title="Fact sheet preview"]').locator('body');
  await expect(preview).toContainText('No claim of this article has been verified yet.');
  await expect(preview).not.toContainText(PARDON);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save fact sheet' }).click();
  const sheet = await readFile(await (await download).path(), 'utf8');
  expect(sheet).toContain('1 verified claim held back until open merge conflicts are resolved');
  expect(sheet).not.toContain(claimId);
  expect(sheet).not.toContain('data-approval');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();

  // Once Ada settles the conflict, the claim is back on the sheet and the region is gone.
  for (const conflict of await callApi<{ id: string }[]>(app, 'exchange.conflicts', { documentId })) {
    await callApi(app, 'exchange.resolve', { conflictId: conflict.id, choice: 'mine' });
  }
  await page.keyboard.press('Control+e');
  await expect(dialog).toContainText('1 verified claim included');
  await expect(dialog.getByRole('region', { name: 'Held back by open conflicts' })).toHaveCount(0);
  await expect(dialog.frameLocator('iframe[title="Fact sheet preview"]').locator('body')).toContainText(PARDON);
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  // The claim's history says who approved it, in which file it came, and that the signature holds.
  await claimEntry(page, PARDON).click();
  await inspector(page).getByText(/^History/).click();
  const approved = inspector(page).getByRole('list', { name: 'Claim history' }).getByRole('listitem').filter({ hasText: 'from-bea.factdesk.json' });
  await expect(approved.filter({ hasText: 'Approved' })).toContainText(
    'Received from from-bea.factdesk.json, opened here by Ada Checker — signature valid'
  );
  await expect(approved.filter({ hasText: 'Approved' })).toContainText(REVIEWER);
});
