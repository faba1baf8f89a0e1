/**
 * Hostile strings in every user field stay inert in every export, each embedded the way it is used
 * and opened in real Chromium: the HTML sheet, ClaimReview JSON-LD in a publisher's script element,
 * Markdown rendered by a renderer that passes raw HTML through, CSV shown as a table.
 */
import { chromium, type Browser } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { marked } from 'marked';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, buildHostileLibrary } from './hostile-fixture';

const CHROMIUM = process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium';

interface Found {
  scripts: number;
  handlers: string[];
  hrefs: string[];
  injected: number;
  text: string;
}

/** Runs in the page (a string, so this Node-typed file needs no DOM types). */
const INSPECT_PAGE = `({
  scripts: document.querySelectorAll('script').length,
  handlers: [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + '@' + a.name)),
  hrefs: [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')),
  injected: document.querySelectorAll('img, iframe, object, embed, body style, b, svg:not(table.distribution svg)').length,
  text: document.body.textContent ?? ''
})`;

let hostile: Awaited<ReturnType<typeof buildHostileLibrary>>;
let browser: Browser;
beforeAll(async () => {
  hostile = await buildHostileLibrary();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  hostile.lib.close();
});

const exportText = async (format: 'html' | 'md' | 'csv' | 'claimreview') =>
  (await hostile.lib.call('export.factSheet', { documentId: hostile.documentId, format })).text!;

/** Opens a page in Chromium, gives late handlers a chance, and reports the dialogs and what the page holds. */
async function openInChromium(html: string, script?: string) {
  const file = join(hostile.lib.dir, `page-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  if (script) await page.evaluate(script);
  // Give a late handler (onerror of a broken image, onload of an SVG) every chance to fire.
  await page.mouse.move(10, 10);
  await page.waitForTimeout(300);
  const found = await page.evaluate<Found>(INSPECT_PAGE);
  const ldJson = await page.evaluate<string[]>(`[...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent)`);
  await page.close();
  return { dialogs, found, ldJson };
}

const publisherPage = (body: string, head = '') =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Publisher page</title>${head}</head><body>${body}</body></html>`;

describe('hostile strings in the HTML fact sheet', () => {
  it('run no script, fire no dialog, add no handler, link nowhere but http(s) — in Chromium', async () => {
    const { dialogs, found } = await openInChromium(await exportText('html'));
    expect(dialogs).toEqual([]);
    expect(found.scripts).toBe(0);
    expect(found.handlers).toEqual([]);
    expect(found.injected).toBe(0);
    expect(found.hrefs.length).toBeGreaterThan(0);
    for (const href of found.hrefs) expect(href).toMatch(/^https?:\/\//);
    // The attacks are shown as the text they are.
    expect(found.text).toContain(HOSTILE.script);
    expect(found.text).toContain(HOSTILE.img);
    expect(found.text).toContain('javascript:alert(1)');
    expect(found.text).toContain("[</mark><script>alert('r')</script>]");
  });

  it('escapes quotes inside attributes and percent-encodes a link that tries to break out of href', async () => {
    const html = await exportText('html');
    expect(html).not.toMatch(/<(script|img|iframe|svg onload)/i);
    expect(html).toContain('href="https://example.org/a%22onmouseover=%22alert(6)"');
    expect(html).toContain('href="https://example.org/?q=%3Cscript%3E&amp;x=%22y%22"');
    expect(html).not.toMatch(/href="(?!https?:)/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
  });
});

describe('hostile strings in the Markdown fact sheet', () => {
  it('stay text: no raw HTML, no link but http(s), no list or heading from user text', async () => {
    const md = await exportText('md');
    // Every "<" is escaped, except the angle-bracket destinations of our own http(s) links.
    expect(md.match(/(?<!\\)<(?!https?:\/\/)/g)).toBeNull();
    expect(md).not.toMatch(/(?<!\\)\]\((?!<https?:\/\/)/);
    expect(md).toContain('\\[click\\](javascript:alert(1)) \\*bold\\* \\_em\\_ \\`code\\`');
    expect(md).toContain('### 3. \\# not a heading 1. not a list\n');
    expect(md).toContain('\\\n1\\. not a list\\\n\\- not an item\\\n\\=== not an underline\n');
    expect(md).toContain('> \\- A list-looking line.');
  });
});

describe('hostile strings in the other exports, embedded in a page in Chromium', () => {
  it('ClaimReview JSON-LD stays one inert script element on a publisher page and reads back unchanged', async () => {
    const text = await exportText('claimreview');
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    const { dialogs, found, ldJson } = await openInChromium(
      publisherPage('<p>Our fact checks</p>', `<script type="application/ld+json">\n${text}</script>`)
    );
    expect(dialogs).toEqual([]);
    expect(found.scripts).toBe(1);
    expect(found.handlers).toEqual([]);
    expect(found.injected).toBe(0);
    expect(found.text).toBe('Our fact checks');
    expect(ldJson).toHaveLength(1);
    const items = JSON.parse(ldJson[0]!) as { claimReviewed: string; itemReviewed: { author: { name: string }; appearance: { headline: string; publisher: { name: string } } } }[];
    expect(items).toEqual(JSON.parse(text));
    expect(items.map((item) => item.claimReviewed)).toContain(HOSTILE.scriptBreak);
    expect(items[0]!.itemReviewed.appearance.headline).toContain(HOSTILE.scriptBreak);
    expect(items[0]!.itemReviewed.appearance.publisher.name).toContain(HOSTILE.separators);
    expect(items[0]!.itemReviewed.author.name).toContain("</script><script>alert('claimant')</script>");
  });

  it('Markdown rendered by marked with raw HTML allowed runs no script and adds no element or link', async () => {
    const html = await marked.parse(await exportText('md'), { async: true });
    const { dialogs, found } = await openInChromium(publisherPage(html));
    expect(dialogs).toEqual([]);
    expect(found.scripts).toBe(0);
    expect(found.handlers).toEqual([]);
    expect(found.injected).toBe(0);
    for (const href of found.hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(found.text).toContain(HOSTILE.scriptBreak);
    expect(found.text).toContain(HOSTILE.img);
  });

  it('CSV shown as a table runs no script, and no cell reads as a spreadsheet formula', async () => {
    const rows = parse(await exportText('csv')) as string[][];
    const { dialogs, found } = await openInChromium(publisherPage('<table></table>'), showTable(rows));
    expect(dialogs).toEqual([]);
    expect(found.scripts).toBe(0);
    expect(found.injected).toBe(0);
    expect(found.text).toContain(HOSTILE.scriptBreak);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[\t\r\n]|^ *[=+\-@]/);
  });
});

/** Page script that shows CSV records as table rows, each cell as text (a string, so this file needs no DOM types). */
const showTable = (rows: string[][]) => `{
  const table = document.querySelector('table');
  for (const record of ${JSON.stringify(rows)}) {
    const row = table.insertRow();
    for (const cell of record) row.insertCell().textContent = cell;
  }
}`;
