/** Hostile strings in every user field stay inert: in the HTML opened in real Chromium, and in Markdown. */
import { chromium, type Browser } from '@playwright/test';
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

const exportText = async (format: 'html' | 'md') =>
  (await hostile.lib.call('export.factSheet', { documentId: hostile.documentId, format })).text!;

describe('hostile strings in the HTML fact sheet', () => {
  it('run no script, fire no dialog, add no handler, link nowhere but http(s) — in Chromium', async () => {
    const html = await exportText('html');
    const file = join(hostile.lib.dir, 'sheet.html');
    writeFileSync(file, html);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Give a late handler (onerror of a broken image, onload of an SVG) every chance to fire.
    await page.mouse.move(10, 10);
    await page.waitForTimeout(300);
    const found = await page.evaluate<Found>(INSPECT_PAGE);
    await page.close();
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
