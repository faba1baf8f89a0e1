/** What is typed into an inspector field is saved as it is typed: a reload, a closed tab or another view loses none of it. */
import { expect, test, callApi, type FactdeskApp } from './fixtures';
import { claimEntry, inspector } from './page-actions';
import { CHECKER, SAMPLE, importFile } from './seed-library';

const CLAIM = "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion";

interface Annotations {
  claims: { id: string; explanation: string }[];
  evidence: { note: string }[];
}

/** An article with one open claim, opened in the window with the claim selected. */
async function openClaim(app: FactdeskApp, page: import('@playwright/test').Page): Promise<string> {
  await callApi(app, 'settings.update', { userName: CHECKER });
  const id = await importFile(app, SAMPLE);
  const { document } = await callApi<{ document: { text: string } }>(app, 'documents.get', { id });
  const start = document.text.indexOf(CLAIM);
  await callApi(app, 'claims.create', { documentId: id, start, end: start + CLAIM.length });
  await page.goto(app.url);
  await page.goto(`${app.baseURL}/#/documents/${id}`);
  await claimEntry(page, CLAIM.slice(0, 30)).click();
  await expect(inspector(page).getByRole('heading', { name: 'Claim' })).toBeVisible();
  return id;
}

const stored = async (app: FactdeskApp, id: string) => callApi<Annotations>(app, 'documents.annotations', { id });

test('an explanation typed and the page reloaded at once is stored and shown again; an unposted review comment is kept', async ({ app, page }) => {
  const id = await openClaim(app, page);
  const typed = 'Typed before reload: the 12,000 figure comes from the 2023 plan.';
  const field = inspector(page).getByLabel('Explanation');
  await field.click();
  await page.keyboard.type(typed);
  await page.reload();

  await expect.poll(async () => (await stored(app, id)).claims[0].explanation).toBe(typed);
  await claimEntry(page, CLAIM.slice(0, 30)).click();
  await expect(inspector(page).getByLabel('Explanation')).toHaveValue(typed);

  // A review comment is posted only by its button: not posted yet, it is kept through a reload of the tab.
  await inspector(page).getByLabel('Review comment').click();
  await page.keyboard.type('Check the 2023 plan first.');
  await page.reload();
  await claimEntry(page, CLAIM.slice(0, 30)).click();
  await expect(inspector(page).getByLabel('Review comment')).toHaveValue('Check the 2023 plan first.');
  await inspector(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(inspector(page).getByLabel('Review comment')).toHaveValue('');
  await page.reload();
  await claimEntry(page, CLAIM.slice(0, 30)).click();
  await expect(inspector(page).getByRole('listitem').filter({ hasText: 'Check the 2023 plan first.' })).toHaveCount(1);
  await expect(inspector(page).getByLabel('Review comment')).toHaveValue('');
});

test('a pause in typing saves the field as one change; going back to the library saves what was typed after it', async ({ app, page }) => {
  const id = await openClaim(app, page);
  const field = inspector(page).getByLabel('Explanation');
  await field.click();
  await page.keyboard.type('Paused here.');
  // Saved while the field still has the focus: one step of the history for the whole run of keys.
  await expect.poll(async () => (await stored(app, id)).claims[0].explanation).toBe('Paused here.');
  await expect(field).toBeFocused();
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('title', /Undo: edited the claim/);
  const history = await callApi<{ action: string }[]>(app, 'claims.history', { id: (await stored(app, id)).claims[0].id });
  expect(history.filter((entry) => entry.action === 'claims.update')).toHaveLength(1);

  // Typing goes on over the save's answer: nothing typed is replaced by the stored text.
  await page.keyboard.type(' Then on, and back to the library at once.');
  await expect(field).toHaveValue('Paused here. Then on, and back to the library at once.');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Import article' })).toBeVisible();
  await expect.poll(async () => (await stored(app, id)).claims[0].explanation).toBe('Paused here. Then on, and back to the library at once.');

  // An evidence note typed and the tab closed at once is stored too.
  await page.goto(`${app.baseURL}/#/documents/${id}`);
  await claimEntry(page, CLAIM.slice(0, 30)).click();
  await inspector(page).getByRole('button', { name: 'Add evidence' }).click();
  const note = inspector(page).getByRole('group', { name: /Evidence 1/ }).getByLabel('Note');
  await note.click();
  await page.keyboard.type('Court records, page 4.');
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await stored(app, id)).evidence[0]?.note).toBe('Court records, page 4.');
});
