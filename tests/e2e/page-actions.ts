/** What a user does again and again in the end-to-end tests, done through the real UI. */
import type { JSHandle, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** First run: answers the welcome dialog with a name. */
export async function signIn(page: Page, name: string): Promise<void> {
  const welcome = page.getByRole('dialog', { name: 'Welcome to Factdesk' });
  await welcome.getByLabel('Your name').fill(name);
  await welcome.getByRole('button', { name: 'Continue' }).click();
  await expect(welcome).toBeHidden();
  await expect(page.getByRole('button', { name: `User menu — signed in as ${name}` })).toBeVisible();
}

/** Imports article files with the library's Import button; the first imported one opens once all have finished. */
export async function importArticles(page: Page, ...files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article' }).click();
  await (await chooser).setFiles(files);
}

/** Signs in and imports an article with the Import button; the document view then shows `shows`. */
export async function openArticle(page: Page, user: string, file: string, shows: string): Promise<void> {
  await signIn(page, user);
  await importArticles(page, file);
  await expect(articleText(page)).toContainText(shows);
}

/** Switches the current user through the header's user menu ("Switch user…"). */
export async function switchUser(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^User menu — signed in as/ }).click();
  await page.getByRole('menuitem', { name: 'Switch user…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch user' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `User menu — signed in as ${name}` })).toBeVisible();
}

export const articleText = (page: Page): Locator => page.getByRole('main', { name: 'Article text' });
export const outline = (page: Page): Locator => page.getByRole('navigation', { name: 'Outline' });
export const inspector = (page: Page): Locator => page.getByRole('complementary', { name: 'Inspector' });

/**
 * Drags the mouse from the first character of `first` to the last character of `last` (each found
 * within one rendered text run of the article, `last` after `first`), as a user selects text.
 */
export async function dragSelectBetween(page: Page, first: string, last: string): Promise<void> {
  // Runs in the page; written against `article.ownerDocument` because the test project has no DOM globals.
  const points = await articleText(page)
    .locator('article')
    .evaluate(
      async (article, [from, to]) => {
        const doc = article.ownerDocument;
        const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
        const find = (wanted: string, after: unknown) => {
          const walker = doc.createTreeWalker(article, SHOW_TEXT);
          let passed = after === null;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node === after) passed = true;
            const at = passed ? (node.textContent?.indexOf(wanted) ?? -1) : -1;
            if (at !== -1) return { node, at };
          }
          throw new Error(`"${wanted}" is not rendered as one text run in the article`);
        };
        const start = find(from, null);
        start.node.parentElement?.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => doc.defaultView?.requestAnimationFrame(resolve));
        const end = find(to, start.node);
        /** The box of the character `offset` places after a found text's start. */
        const rectOf = (point: typeof start, offset: number) => {
          const range = doc.createRange();
          range.setStart(point.node, point.at + offset);
          range.setEnd(point.node, point.at + offset + 1);
          return range.getBoundingClientRect();
        };
        const first = rectOf(start, 0);
        const last = rectOf(end, to.length - 1);
        return {
          from: { x: first.left + 1, y: first.top + first.height / 2 },
          to: { x: last.right - 1, y: last.top + last.height / 2 }
        };
      },
      [first, last]
    );
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
}

/** Selects `text` (one rendered text run) by dragging the mouse over it; the toolbar then shows it. */
export async function dragSelect(page: Page, text: string): Promise<void> {
  await dragSelectBetween(page, text, text);
  // The toolbar shows what is selected (long selections shortened).
  const shown = text.length > 80 ? text.slice(0, 80) : `${text}”`;
  await expect(page.getByRole('toolbar', { name: 'Mark the selection' })).toContainText(`Selected: “${shown}`);
}

/** Marks `text` as a claim (select it, press c); the inspector then shows it. */
export async function markClaim(page: Page, text: string): Promise<void> {
  await dragSelect(page, text);
  await page.keyboard.press('c');
  await expect(inspector(page).getByRole('heading', { name: 'Claim' })).toBeVisible();
}

/** The outline entry of the claim whose text starts with `start`. */
export const claimEntry = (page: Page, start: string): Locator =>
  outline(page).getByRole('button', { name: new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/** A DataTransfer in the page holding these files, for drop events (as when dragged from a file manager). */
export async function filesTransfer(page: Page, files: { name: string; bytes: Buffer }[]): Promise<JSHandle> {
  const dropped = files.map(({ name, bytes }) => ({ name, base64: bytes.toString('base64') }));
  // Runs in the page; reached through `document.defaultView` because the test project has no DOM globals.
  return page.locator('body').evaluateHandle((body, list) => {
    const view = body.ownerDocument.defaultView!;
    const transfer = new view.DataTransfer();
    for (const { name, base64 } of list) {
      transfer.items.add(new view.File([Uint8Array.from(view.atob(base64), (char: string) => char.charCodeAt(0))], name));
    }
    return transfer;
  }, dropped);
}
