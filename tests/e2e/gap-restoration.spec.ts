/** Restoring masked names in the sample article while the same names are already marked, unlinked. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { articleText, dragSelect, importArticles, inspector, outline, signIn } from './page-actions';
import { SAMPLE } from './seed-library';

async function markAs(page: Page, text: string, label: string): Promise<void> {
  const key = await page.getByRole('button', { name: `Mark as ${label}` }).getAttribute('aria-keyshortcuts');
  await dragSelect(page, text);
  await page.keyboard.press(key!);
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toBeVisible();
}

const gapEntry = (page: Page, n: number) => outline(page).getByRole('button', { name: new RegExp(`^Gap ${n}\\b`) });

/** Selects gap `n` in the outline and restores it as the ranked candidate `name` (`type`). */
async function restoreGap(page: Page, n: number, name: string, type: string): Promise<void> {
  await gapEntry(page, n).click();
  const candidates = inspector(page).getByRole('list', { name: 'Candidate names, best first' });
  const restore = candidates.getByRole('button', { name: /^Restore as / });
  await expect(restore.first()).toBeVisible({ timeout: 30_000 });
  const offered = await restore.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent));
  expect(new Set(offered).size, `candidates of gap ${n}: ${offered.join(' | ')}`).toBe(offered.length);
  await candidates.getByRole('button', { name: `Restore as ${name} (${type})` }).click();
  await expect(articleText(page).getByRole('img', { name: `Masked name gap, restored as ${name}` })).toBeVisible();
}

test('gaps restored as names already marked unlinked: one candidate per name, outline and inspector on the same record, one entity per name', async ({
  app,
  page
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  await signIn(page, 'Gus Gaps');
  await importArticles(page, SAMPLE);
  await markAs(page, 'White House', 'Organization');
  await markAs(page, 'Trump', 'Person');
  await expect(outline(page).getByRole('button', { name: 'White House, 1 mention' })).toBeVisible();

  await restoreGap(page, 2, 'White House', 'Organization');
  // Another gap, then back: the outline and the inspector follow the same record each time.
  await gapEntry(page, 4).click();
  await expect(gapEntry(page, 4)).toHaveAttribute('aria-current', 'true');
  await expect(gapEntry(page, 2)).not.toHaveAttribute('aria-current', 'true');
  await expect(inspector(page).getByRole('heading', { name: 'Masked name gap' })).toBeVisible();
  await expect(inspector(page)).toContainText('Maricopa County Sheriff');
  await gapEntry(page, 2).click();
  await expect(gapEntry(page, 2)).toHaveAttribute('aria-current', 'true');
  await expect(gapEntry(page, 4)).not.toHaveAttribute('aria-current', 'true');
  await expect(inspector(page).getByRole('heading', { name: 'Masked name', exact: true })).toBeVisible();
  await expect(inspector(page)).toContainText('restored as “White House”');

  await restoreGap(page, 3, 'Trump', 'Person');
  await gapEntry(page, 1).click();
  await expect(gapEntry(page, 1)).toHaveAttribute('aria-current', 'true');
  await expect(inspector(page).getByRole('heading', { name: 'Masked name gap' })).toBeVisible();
  await expect(inspector(page)).toContainText('Reality TV star');

  // Each restored name is one entity: the mention marked before and the restored gap, under one entry.
  await expect(outline(page).getByRole('button', { name: /^White House, / })).toHaveAccessibleName('White House, 2 mentions');
  await expect(outline(page).getByRole('button', { name: /^Trump, / })).toHaveAccessibleName('Trump, 2 mentions');
  expect(errors.filter((error) => /each_key_duplicate|svelte/i.test(error))).toEqual([]);
});
