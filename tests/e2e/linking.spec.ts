import type { Page } from '@playwright/test';
import { type FactdeskApp, callApi, expect, test } from './fixtures';
import { articleText, dragSelect, dragSelectBetween, inspector, openArticle, outline } from './page-actions';
import { SAMPLE } from './seed-library';

const openSample = (page: Page, user: string) => openArticle(page, user, SAMPLE, 'Reality TV star');

async function markPerson(page: Page): Promise<void> {
  const key = await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts');
  await page.keyboard.press(key!);
}

/** The registry's entities of exactly this name, asked of the API as a script would. */
async function registryEntities(app: FactdeskApp, name: string): Promise<Array<{ id: string; type: string }>> {
  const entities = await callApi<Array<{ id: string; name: string; type: string }>>(app, 'entities.list', { query: name });
  return entities.filter((e) => e.name === name);
}

const legend = (page: Page) => outline(page).getByText(/Names in italic are not linked to an entity/);
const entry = (page: Page, name: string) => outline(page).getByRole('button', { name });

test.beforeEach(async ({ app, page }) => {
  await page.goto(app.url);
});

test('accept all links every suggestion to one registry entity per name; the outline shows them linked', async ({ app, page }) => {
  await openSample(page, 'Link Fast');
  await page.keyboard.press('Shift+S');
  const people = page.getByRole('button', { name: /^Accept all \d+ Person suggestions$/ });
  await expect(people).toBeVisible({ timeout: 30_000 });
  await people.click();
  await expect(people).toHaveCount(0);

  // "Kardashian West" is named several times: one entity for all of them, listed upright (linked).
  const kim = outline(page).getByRole('button', { name: /^Kardashian West, \d+ mentions$/ });
  await expect(kim).toBeVisible();
  await expect(kim.locator('.name')).toHaveCSS('font-style', 'normal');
  const entities = await registryEntities(app, 'Kardashian West');
  expect(entities).toEqual([expect.objectContaining({ type: 'person' })]);
  await expect(legend(page)).toHaveCount(0);

  await kim.click();
  await expect(inspector(page).getByRole('button', { name: /^Link all unlinked mentions/ })).toHaveCount(0);
  await expect(inspector(page)).toContainText('Kardashian West');
});

test('label all occurrences links them; italic is explained; "link all unlinked mentions of this text" is one undo step', async ({ app, page }) => {
  await openSample(page, 'Link Fast');

  // One unlinked "Trump": italic in the outline, explained there and in the article's tooltip.
  await dragSelect(page, 'Trump');
  await markPerson(page);
  const unlinked = entry(page, 'Trump, 1 mention, not linked');
  await expect(unlinked).toBeVisible();
  await expect(unlinked.locator('.name')).toHaveCSS('font-style', 'italic');
  await expect(legend(page)).toBeVisible();
  await expect(unlinked).toHaveAccessibleDescription(/Names in italic are not linked to an entity in the registry yet/);
  await expect(articleText(page).locator('.mention', { hasText: /^Trump$/ }).first()).toHaveAttribute('title', /Person \(not linked to an entity\)/);

  // A second unlinked "Trump": both link to one entity, with a count in the notice; Ctrl+Z takes it back.
  await dragSelectBetween(page, 'Trump took office', 'Trump');
  await markPerson(page);
  await expect(entry(page, 'Trump, 2 mentions, not linked')).toBeVisible();
  await inspector(page).getByRole('button', { name: 'Link all unlinked mentions of this text (2)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Linked 2 mentions of “Trump” to Trump.' })).toBeVisible();
  await expect(entry(page, 'Trump, 2 mentions')).toBeVisible();
  await expect(legend(page)).toHaveCount(0);
  expect(await registryEntities(app, 'Trump')).toHaveLength(1);
  await page.getByRole('document', { name: 'Article' }).focus();
  await page.keyboard.press('Control+z');
  await expect(entry(page, 'Trump, 2 mentions, not linked')).toBeVisible();
  await expect(legend(page)).toBeVisible();

  // "Label all occurrences…" from an unlinked mention links it and every new mention to one entity.
  await entry(page, 'Trump, 2 mentions, not linked').click();
  await inspector(page).getByRole('button', { name: 'Label all occurrences…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Label all occurrences of “Trump”' });
  await dialog.getByRole('button', { name: /^Label \d+ occurrences$/ }).click();
  await expect(dialog).toBeHidden();
  // The other marked "Trump" stays unlinked until linked with the action above.
  await expect(outline(page).getByRole('button', { name: /^Trump, \d+ mentions$/ })).toBeVisible();
  await expect(entry(page, 'Trump, 1 mention, not linked')).toBeVisible();
  await entry(page, 'Trump, 1 mention, not linked').click();
  await inspector(page).getByRole('button', { name: 'Link all unlinked mentions of this text (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Linked 1 mention of “Trump” to Trump.' })).toBeVisible();
  await expect(outline(page).getByRole('button', { name: /^Trump, 12 mentions$/ })).toBeVisible();
  expect(await registryEntities(app, 'Trump')).toHaveLength(1);
});
