import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { articleText, dragSelect, dragSelectBetween, importArticles, inspector, markClaim, openArticle, outline, signIn } from './page-actions';

const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');
/** The first 20,000 words of Moby-Dick (public domain): long enough that only the blocks near the screen render. */
const LONG = fileURLToPath(new URL('../fixtures/long-document/moby-dick-chapters-1-11.txt', import.meta.url));

const sidePane = (page: Page) => page.getByRole('tablist', { name: 'Side pane' });
const suggestionsIn = (page: Page) => articleText(page).locator('[data-suggestion]');
/** The dashed suggestion in the article whose text is exactly `text`. */
const suggestion = (page: Page, text: string) => suggestionsIn(page).filter({ hasText: new RegExp(`^${text}$`) });

const openSample = (page: Page, user: string) => openArticle(page, user, SAMPLE, 'Reality TV star');

async function personKey(page: Page): Promise<string> {
  const key = await page.getByRole('button', { name: 'Mark as Person' }).getAttribute('aria-keyshortcuts');
  expect(key).toBeTruthy();
  return key!;
}

test.beforeEach(async ({ app, page }) => {
  // Every test opens the app with its own server's token.
  await page.goto(app.url);
});

test('entity suggestions: dashed, explained, Enter accepts, Backspace rejects for good, accept all of a type', async ({ page }) => {
  await openSample(page, 'Sue Jest');

  await page.keyboard.press('Shift+S');
  await expect(suggestionsIn(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(suggestionsIn(page).first()).toHaveCSS('outline-style', 'dashed');
  await expect(page.getByRole('note', { name: 'About the suggestions' })).toContainText('English');
  await expect(suggestion(page, 'Jared Kushner')).toHaveAttribute('title', /^Suggested Person: .*confidence \d+%/);

  // Tab walks gaps, suggestions and annotations in text order: past the first line's three masked gaps, "Kardashian West" comes first.
  const text = page.getByRole('document', { name: 'Article' });
  await text.focus();
  for (let gap = 0; gap < 3; gap += 1) {
    await page.keyboard.press('Tab');
    await expect(inspector(page).getByRole('heading', { name: 'Masked name gap' })).toBeVisible();
  }
  await page.keyboard.press('Tab');
  await expect(inspector(page).getByRole('heading', { name: 'Suggestion' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText('Kardashian West');
  await expect(inspector(page)).toContainText('typed person elsewhere in this text');
  await expect(suggestion(page, 'Kardashian West').first()).toHaveClass(/suggestion-selected/);

  // Enter accepts it; the next suggestion is selected, and Backspace rejects that one.
  await page.keyboard.press('Enter');
  await expect(outline(page).getByRole('button', { name: /^Kardashian West, 1 mention/ })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText('Alice Marie Johnson');
  await page.keyboard.press('Backspace');
  await expect(suggestion(page, 'Alice Marie Johnson')).toHaveCount(0);
  await expect(inspector(page).locator('blockquote')).toHaveText('63');

  // Asked again, the rejected suggestion is not offered; the accepted one is a mention now.
  const suggested = page.waitForResponse((response) => response.url().endsWith('/api/assist.entitySuggestions'));
  await page.getByRole('toolbar', { name: 'Assisted annotation' }).getByRole('button', { name: 'Suggest again' }).click();
  await suggested;
  await expect(suggestion(page, 'Jared Kushner')).toHaveCount(1);
  await expect(suggestion(page, 'Alice Marie Johnson')).toHaveCount(0);
  const rejected = page.getByRole('list', { name: 'Rejected suggestions' });
  await page.getByText(/^Rejected suggestions \(1\)$/).click();
  await expect(rejected.getByRole('listitem')).toHaveCount(1);
  await expect(rejected).toContainText('Alice Marie Johnson');

  // Accept all of one type from the suggestions panel.
  const locations = page.getByRole('button', { name: /^Accept all \d+ Location suggestions$/ });
  const count = Number((await locations.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(1);
  await locations.click();
  await expect(locations).toHaveCount(0);
  await expect(outline(page).getByRole('heading', { name: 'Location' })).toBeVisible();
  await expect(outline(page).getByRole('button', { name: /^Washington, 1 mention/ })).toBeVisible();
  await expect(sidePane(page).getByRole('tab', { name: /Suggestions/ })).toBeVisible();

  // One Ctrl+Z takes the whole "accept all" back, and the suggestions are offered again.
  await text.focus();
  await page.keyboard.press('Control+z');
  await expect(outline(page).getByRole('button', { name: /^Washington, 1 mention/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Accept all ${count} Location suggestions` })).toBeVisible();

  // "Undo rejection" takes the rejection back: "Alice Marie Johnson" is suggested again, in both places.
  await rejected.getByRole('button', { name: /^Undo rejection of “Alice Marie Johnson”/ }).click();
  await expect(suggestion(page, 'Alice Marie Johnson')).toHaveCount(2);
});

test('label all occurrences: preview count, apply, and one Ctrl+Z reverts it', async ({ page }) => {
  await openSample(page, 'Pro Pagate');
  await dragSelect(page, 'Trump');
  await page.keyboard.press(await personKey(page));
  await expect(outline(page).getByRole('button', { name: /^Trump, 1 mention/ })).toBeVisible();

  await inspector(page).getByRole('button', { name: 'Label all occurrences…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Label all occurrences of “Trump”' });
  await expect(dialog.getByRole('radio', { name: 'This document' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Case-sensitive/ })).toBeChecked();
  // Every other whole-word "Trump" in the text (the marked one is already labelled).
  const expected = [...SAMPLE_TEXT.matchAll(/\bTrump\b/g)].length - 1;
  await expect(dialog).toContainText(`${expected} occurrences to label`);
  await expect(dialog.getByRole('list', { name: 'Examples' }).getByRole('listitem').first()).toContainText('Trump');
  await dialog.getByRole('radio', { name: 'The whole library' }).check();
  await expect(dialog).toContainText(`${expected} occurrences to label in 1 document`);

  await dialog.getByRole('button', { name: `Label ${expected} occurrences` }).click();
  await expect(dialog).toBeHidden();
  await expect(outline(page).getByRole('button', { name: `Trump, ${expected + 1} mentions` })).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(outline(page).getByRole('button', { name: /^Trump, 1 mention/ })).toBeVisible();
});

test('a masked gap shows ranked candidates with their cues; confirming one restores the name', async ({ page }) => {
  await openSample(page, 'Gap Filler');
  await articleText(page).getByRole('img', { name: 'Masked name gap' }).first().click();
  const restore = inspector(page).getByRole('region', { name: 'Restore the name' });
  await expect(restore.getByRole('list', { name: 'Context cues' })).toContainText('before the gap');
  const candidates = restore.getByRole('list', { name: 'Candidate names, best first' });
  await expect(candidates.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await expect(candidates.getByRole('listitem').first()).toContainText(/\d+\.\d\d/); // its score
  await candidates.getByRole('button', { name: 'Restore as Kardashian West (Person)' }).click();

  await expect(articleText(page).getByRole('img', { name: 'Masked name gap, restored as Kardashian West' })).toBeVisible();
  await expect(articleText(page)).toContainText('[Kardashian West]');
  await expect(inspector(page).getByRole('heading', { name: 'Masked name', exact: true })).toBeVisible();
  await expect(inspector(page)).toContainText('restored as “Kardashian West”');
});

test('a claim suggestion accepted becomes a claim with its claimant', async ({ page }) => {
  await openSample(page, 'Claire Claims');
  await page.getByRole('button', { name: 'Claims to check' }).click();
  const list = page.getByRole('list', { name: 'Check-worthy sentences' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  // Ranked with reasons: the pardon sentence (numbers, comparisons, legal terms) is near the top.
  const pardon = list.getByRole('listitem').filter({ hasText: 'Trump last week granted a rare posthumous pardon' }).first();
  await expect(pardon.getByRole('list', { name: 'Reasons' })).toContainText('numbers and quantities');
  await pardon.getByRole('button', { name: 'Show in text' }).click();
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toContainText('Selected: “Trump last week granted');

  const confirmed = list.getByRole('listitem').filter({ hasText: 'but Trump confirmed the meeting' }).first();
  await expect(confirmed).toContainText('Claimant: Trump');
  await confirmed.getByRole('button', { name: 'Accept as claim' }).click();
  await expect(confirmed).toHaveCount(0);
  await expect(outline(page).getByRole('heading', { name: /Claims/ })).toHaveText('Claims 1');
  await outline(page).getByRole('button', { name: /^It had been unclear whether the socialite/ }).click();
  await expect(inspector(page).getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  await expect(inspector(page).getByRole('button', { name: 'Unlink claimant Trump' })).toBeVisible(); // pre-filled
});

test('Ctrl+F finds in the article: highlights, count, next and previous, Escape closes', async ({ page }) => {
  await openSample(page, 'Fin Der');
  const total = [...SAMPLE_TEXT.matchAll(/Kardashian\s+West/g)].length;
  expect(total).toBeGreaterThan(2);

  await page.getByRole('document', { name: 'Article' }).focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in the article' });
  const field = find.getByRole('textbox', { name: 'Find in the article' });
  await expect(field).toBeFocused();
  await field.fill('kardashian west');
  const count = find.getByRole('status');
  await expect(count).toHaveText(`1 of ${total}`);
  // The number of ranges the find highlight paints (runs in the page; the test project has no DOM types).
  const painted = () =>
    page.evaluate(() => (globalThis as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }).CSS.highlights.get('factdesk-find')?.size ?? 0);
  await expect.poll(painted).toBeGreaterThan(0);
  await field.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await field.press('Enter');
  await expect(count).toHaveText(`3 of ${total}`);
  await field.press('Shift+Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await find.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText(`1 of ${total}`);
  await find.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText(`${total} of ${total}`);

  await field.fill('no such words here');
  await expect(count).toHaveText('No matches');
  await field.press('Escape');
  await expect(find).toBeHidden();
  await expect.poll(painted).toBe(0);
});

test('find in a long article brings a match in a block not yet rendered on screen, and paints it', async ({ page }) => {
  await signIn(page, 'Long Finder');
  await importArticles(page, LONG);
  await expect(articleText(page)).toContainText('Call me Ishmael');
  const total = [...readFileSync(LONG, 'utf8').matchAll(/harpooneer/gi)].length;
  expect(total).toBeGreaterThan(10);

  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in the article' });
  await find.getByRole('textbox', { name: 'Find in the article' }).fill('harpooneer');
  await expect(find.getByRole('status')).toHaveText(`1 of ${total}`);
  // Back from the first match wraps to the last one, far down the article.
  await find.getByRole('textbox').press('Shift+Enter');
  await expect(find.getByRole('status')).toHaveText(`${total} of ${total}`);

  /** The current match as painted: its text, and whether it lies inside the visible part of the article. */
  const current = () =>
    page.getByRole('document', { name: 'Article' }).evaluate((scroller) => {
      type Box = { top: number; bottom: number };
      const view = scroller.ownerDocument.defaultView as unknown as {
        CSS: { highlights: Map<string, Set<{ toString(): string; getBoundingClientRect(): Box }>> };
      };
      const range = [...(view.CSS.highlights.get('factdesk-find-current') ?? [])][0];
      if (!range) return null;
      const box = range.getBoundingClientRect();
      const pane = scroller.getBoundingClientRect();
      return { text: range.toString(), onScreen: box.top >= pane.top && box.bottom <= pane.bottom };
    });
  await expect.poll(current).toEqual({ text: expect.stringMatching(/^harpooneer$/i), onScreen: true });
  expect(await page.getByRole('document', { name: 'Article' }).evaluate((scroller) => scroller.scrollTop)).toBeGreaterThan(10_000);
});

test('library search finds a claim by its text and opens the document at it', async ({ page }) => {
  await openSample(page, 'Lib Searcher');
  await markClaim(page, "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion");
  await page.getByRole('button', { name: 'Library', exact: true }).click();

  const search = page.getByRole('search', { name: 'Search the library' });
  await search.getByRole('searchbox').fill('posthumous pardon');
  const hits = page.getByRole('list', { name: 'Search results' });
  const claimHit = hits.getByRole('listitem').filter({ hasText: /^Claim/ });
  await expect(claimHit).toHaveCount(1);
  await expect(claimHit.locator('mark').first()).toHaveText(/posthumous|pardon/i);
  await expect(hits.getByRole('listitem').filter({ hasText: /^Article/ })).toHaveCount(1);

  // Filters: no verified claim says it.
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Claim status').selectOption('verified');
  await expect(page.getByRole('status').filter({ hasText: /results? for/ })).toContainText('0 results');
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Claim status').selectOption('open');
  await expect(claimHit).toHaveCount(1);

  await claimHit.getByRole('button').click();
  await expect(inspector(page).getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText(/^Trump last week granted a rare posthumous pardon/);
});

test('entity registry: merge two entities, edit the knowledge-base id, split one off, open a mention', async ({ page }) => {
  await openSample(page, 'Reg Istry');
  const key = await personKey(page);
  // Two entities for one person: "Kardashian West" and "Kim Kardashian".
  await dragSelect(page, 'Kardashian West');
  await page.keyboard.press(key);
  const picker = inspector(page).getByRole('combobox', { name: 'Entity' });
  await picker.fill('Kardashian West');
  await inspector(page).getByRole('option', { name: 'Create entity “Kardashian West”' }).click();
  await expect(inspector(page).getByRole('button', { name: 'Unlink entity Kardashian West' })).toBeVisible();

  // The "Kardashian" of "Kardashian told Mic".
  await dragSelectBetween(page, 'Kardashian told Mic', 'Kardashian');
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toContainText('Selected: “Kardashian”');
  await page.keyboard.press(key);
  await picker.fill('Kim Kardashian');
  await inspector(page).getByRole('option', { name: 'Create entity “Kim Kardashian”' }).click();
  await expect(inspector(page).getByRole('button', { name: 'Unlink entity Kim Kardashian' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Entities' }).click();
  const registry = page.getByRole('main', { name: 'Entities' });
  await expect(registry.getByRole('row')).toHaveCount(3); // header + 2
  await registry.getByRole('checkbox', { name: 'Choose Kardashian West for merging' }).check();
  await registry.getByRole('checkbox', { name: 'Choose Kim Kardashian for merging' }).check();
  await registry.getByRole('button', { name: 'Merge 2 entities' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge two entities' });
  await dialog.getByRole('radio', { name: /^Kardashian West/ }).check();
  await dialog.getByRole('button', { name: 'Merge “Kim Kardashian” into “Kardashian West”' }).click();
  await expect(dialog).toBeHidden();
  await expect(registry.getByRole('row')).toHaveCount(2);
  const row = registry.getByRole('row', { name: /Kardashian West/ });
  await expect(row).toContainText('Kim Kardashian'); // now an alias
  await expect(row.getByRole('cell').nth(4)).toHaveText('2'); // both mentions

  // The entity page lists its mentions with context; one opens the document there.
  await row.getByRole('link', { name: 'Kardashian West' }).click();
  const entityPage = page.getByRole('main', { name: 'Entity' });
  await expect(entityPage.getByRole('heading', { name: 'Kardashian West', level: 1 })).toBeVisible();
  const mentions = entityPage.getByRole('list', { name: /^Mentions in/ });
  await expect(mentions.getByRole('listitem')).toHaveCount(2);
  await entityPage.getByLabel('Wikidata QID').fill('not a qid');
  await expect(entityPage.getByRole('alert')).toContainText('is not a Wikidata QID');
  await entityPage.getByLabel('Wikidata QID').fill('Q186304');
  await entityPage.getByRole('button', { name: 'Save changes' }).click();
  await expect(entityPage.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Split: the "Kardashian" of "told Mic" becomes an entity of its own; its page opens.
  await mentions.getByRole('listitem').filter({ hasText: 'told Mic' }).getByRole('checkbox').check();
  await entityPage.getByRole('button', { name: /^Split 1 item into a new entity/ }).click();
  const split = page.getByRole('dialog', { name: 'Split “Kardashian West”' });
  await split.getByLabel('Name of the new entity').fill('Kim Kardashian');
  await split.getByRole('button', { name: 'Split into “Kim Kardashian”' }).click();
  await expect(split).toBeHidden();
  await expect(entityPage.getByRole('heading', { name: 'Kim Kardashian', level: 1 })).toBeVisible();
  const own = entityPage.getByRole('list', { name: /^Mentions in/ });
  await expect(own.getByRole('listitem')).toHaveCount(1);

  // A mention on the entity page opens its document there.
  await own.getByRole('button', { name: /told Mic/ }).click();
  await expect(inspector(page).getByRole('heading', { name: 'Mention' })).toBeVisible();
  await expect(inspector(page).locator('blockquote')).toHaveText('Kardashian');
  await expect(inspector(page).getByRole('button', { name: 'Unlink entity Kim Kardashian' })).toBeVisible();
});
