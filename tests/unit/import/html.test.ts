import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredCharset } from '../../../src/main/import/html-charset';
import { markupShape } from '../../../src/main/import/html-shape';
import { articleFixture, blockRows, expectExtractedBlocks, imported, refusal } from './fixtures';

const page = (body: string, head = '<meta charset="utf-8"><title>Test page</title>') =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const utf8 = (text: string) => new TextEncoder().encode(text);
const paragraph = 'The council counts 11,400 homes in the flood zone behind the barrier, and 600 businesses.';

describe('importHtml: a saved news page', () => {
  const bytes = articleFixture('saved-page.html');

  it('extracts the article with Readability: paragraphs, headings, list items, quotes, table rows', async () => {
    const article = await imported('saved-page.html', bytes);
    expectExtractedBlocks(article);
    expect(article.format).toBe('html');
    expect(article.title).toBe('Minister’s flood claim checked');
    const rows = blockRows(article);
    expect(rows.map(([kind, level]) => [kind, level])).toEqual([
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['heading', 2],
      ['paragraph', undefined],
      ['list-item', undefined],
      ['list-item', undefined],
      ['quote', undefined],
      ['table-row', undefined],
      ['table-row', undefined],
      ['table-row', undefined],
      ['paragraph', undefined]
    ]);
    expect(rows[1][3]).toBe(
      'The minister said on Tuesday that the new river barrier had cost £40 million and would protect 12,000 homes. ' +
        'We checked both figures against the budget statement and the council’s own records.'
    );
    expect(rows[3][3]).toBe('How many homes?');
    expect(rows[5][3]).toBe('Homes in the flood zone: 11,400');
    expect(rows[7][3]).toBe('“We will not let the town flood again,” the minister said.');
    expect(rows.slice(8, 11).map((row) => row[3])).toEqual(['Claim | Verdict', '£40 million | True', '12,000 homes | Misleading']);
  });

  it('records title, byline, site name, published time and the canonical URL', async () => {
    const article = await imported('saved-page.html', bytes);
    expect(article.source).toEqual({
      fileName: 'saved-page.html',
      url: 'https://courier.example/news/flood-claim',
      author: 'Jane Doe',
      siteName: 'The Estuary Courier',
      publisher: 'The Estuary Courier',
      publishedAt: '2024-04-03'
    });
  });

  it('keeps no script, style, template, hidden, noscript or embedded-object text, and no page furniture', async () => {
    const { text } = await imported('saved-page.html', bytes);
    for (const absent of ['changed by a script', '__ran', 'font-family', 'Template content', 'Hidden paragraph',
      'enable JavaScript', 'Chart fallback', '@context', 'Subscribe', 'All rights reserved', 'Storm damage']) {
      expect(text).not.toContain(absent);
    }
    expect(text).toContain('See the table.');
    expect(text).not.toContain('javascript:');
  });

  it('never runs the page’s scripts or event handlers', async () => {
    await imported('saved-page.html', bytes);
    await imported('saved-page.html', bytes, { htmlMode: 'full-text' });
    expect((globalThis as { __ran?: unknown }).__ran).toBeUndefined();
  });

  it('keeps all visible text in full-text mode, with the metadata of the page head', async () => {
    const article = await imported('saved-page.html', bytes, { htmlMode: 'full-text' });
    expectExtractedBlocks(article);
    const texts = blockRows(article).map((row) => row[3]);
    expect(texts[0]).toBe('Home News Sport Subscribe');
    expect(blockRows(article)[1]).toEqual(['heading', 1, undefined, 'Minister’s flood claim checked']);
    expect(texts).toContain('Storm damage in numbers');
    expect(texts.at(-2)).toBe('© 2024 The Estuary Courier. All rights reserved.');
    expect(article.text).not.toMatch(/changed by a script|Hidden paragraph|Template content|enable JavaScript|Chart fallback/);
    expect(article.title).toBe('Minister’s flood claim checked');
    expect(article.source).toEqual({
      fileName: 'saved-page.html',
      url: 'https://courier.example/news/flood-claim',
      author: 'Courier staff',
      siteName: 'The Estuary Courier',
      publisher: 'The Estuary Courier',
      publishedAt: '2024-04-03T08:15:00Z'
    });
  });
});

describe('importHtml: pages without an article', () => {
  it('refuses a sign-in page with code no_article and offers the full text', async () => {
    const error = await refusal('no-article.html', articleFixture('no-article.html'));
    expect(error.code).toBe('no_article');
    expect(error.message).toContain('no readable article');
    expect(error.message).toContain('full visible text');
  });

  it('imports the same page as full visible text on request', async () => {
    const article = await imported('no-article.html', articleFixture('no-article.html'), { htmlMode: 'full-text' });
    expect(blockRows(article).map((row) => row[3])).toEqual([
      'Home News Sport',
      'Email Password',
      'Forgot your password?',
      '© 2024 The Estuary Courier'
    ]);
    expect(article.title).toBe('Sign in | The Estuary Courier');
  });

  it('calls a few words no article', async () => {
    expect((await refusal('short.html', utf8(page('<article><p>Too short.</p></article>')))).code).toBe('no_article');
  });

  it('refuses a page with no visible text at all as empty, in both modes', async () => {
    const bytes = utf8(page('<script>var x = 1;</script><div hidden>secret</div>'));
    expect((await refusal('blank.html', bytes, { htmlMode: 'full-text' })).code).toBe('empty');
    expect((await refusal('blank.html', bytes)).code).toBe('no_article');
  });
});

describe('importHtml: block structure', () => {
  it('reads nested lists, line breaks, preformatted text and figure captions', async () => {
    const html = page(
      `<h3>Section</h3><ul><li>Outer item<ul><li>inner item</li></ul></li></ul>` +
        `<p>Line one<br>line   two</p><pre>  code  kept\n    indented</pre><figure><figcaption>A caption</figcaption></figure>` +
        `<p style="display: none">invisible</p><p aria-hidden="true">also invisible</p><table><tr><td></td><td> </td></tr></table>`
    );
    const article = await imported('structure.htm', utf8(html), { htmlMode: 'full-text' });
    expect(blockRows(article)).toEqual([
      ['heading', 3, undefined, 'Section'],
      ['list-item', undefined, undefined, 'Outer item'],
      ['list-item', undefined, undefined, 'inner item'],
      ['paragraph', undefined, undefined, 'Line one\nline two'],
      ['paragraph', undefined, undefined, 'code  kept\n    indented'],
      ['paragraph', undefined, undefined, 'A caption']
    ]);
  });

  it('ignores a canonical link that is not an absolute web address, and uses og:url instead', async () => {
    const head = `<meta charset="utf-8"><title>T</title><link rel="canonical" href="javascript:alert(1)">` +
      `<meta property="og:url" content="http://example.org/story">`;
    const article = await imported('links.html', utf8(page(`<p>${paragraph}</p>`, head)), { htmlMode: 'full-text' });
    expect(article.source.url).toBe('http://example.org/story');
    const relative = await imported('rel.xhtml', utf8(page(`<p>${paragraph}</p>`, '<link rel="canonical" href="/story">')), {
      htmlMode: 'full-text'
    });
    expect(relative.source.url).toBeUndefined();
  });
});

describe('importHtml: character sets', () => {
  const body = '<article><h1>Café</h1>' + `<p>“Curly quotes” in a café – priced at €5. ${paragraph} ${paragraph}</p></article>`;
  const expected = `“Curly quotes” in a café – priced at €5. ${paragraph} ${paragraph}`;

  it.each([
    ['<meta charset="windows-1252">', 'windows-1252'],
    // Browsers read Latin-1 as Windows-1252, which has the curly quotes and the euro sign.
    ['<meta charset="ISO-8859-1">', 'windows-1252'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', 'windows-1252']
  ])('decodes a page declaring %s', async (declaration, encoding) => {
    const bytes = iconv.encode(page(body, `${declaration}<title>Café</title>`), encoding);
    const article = await imported('legacy.html', new Uint8Array(bytes));
    expect(article.text).toContain(expected);
  });

  it('decodes Shift_JIS declared through http-equiv', async () => {
    const japanese = '東京都は、新しい防潮堤の費用が四十億円になると発表した。'.repeat(8);
    const html = page(`<article><p>${japanese}</p></article>`, '<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">');
    const article = await imported('tokyo.html', new Uint8Array(iconv.encode(html, 'shift_jis')));
    expect(article.text).toBe(japanese);
  });

  it('lets a byte-order mark win over the declaration', async () => {
    const html = page(`<p>שלום עולם 😀 ${paragraph}</p>`, '<meta charset="windows-1252">');
    const article = await imported('bom.html', new Uint8Array(Buffer.from(`\ufeff${html}`, 'utf16le')), { htmlMode: 'full-text' });
    expect(article.text).toBe(`שלום עולם 😀 ${paragraph}`);
  });

  it('reads an XML declaration in an .xhtml file', async () => {
    const xhtml = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Zürich café</p></body></html>`;
    const article = await imported('page.xhtml', new Uint8Array(iconv.encode(xhtml, 'latin1')), { htmlMode: 'full-text' });
    expect(article.text).toBe('Zürich café');
  });

  it('falls back to detection for undeclared, unknown or wrong declarations', async () => {
    const text = `naïve café ${paragraph}`;
    for (const head of ['', '<meta charset="x-no-such-charset">', '<meta charset="utf-8">']) {
      const bytes = new Uint8Array(iconv.encode(page(`<p>${text}</p>`, head), 'windows-1252'));
      expect((await imported('undeclared.html', bytes, { htmlMode: 'full-text' })).text).toBe(text);
    }
  });

  it('maps declarations the way browsers do', () => {
    const declared = (head: string) => declaredCharset(utf8(`<html><head>${head}`));
    expect(declared('<meta charset="UTF-8">')).toBe('utf-8');
    expect(declared('<meta charset=utf-16>')).toBe('utf-8');
    expect(declared("<META CHARSET='GB2312'>")).toBe('gbk');
    expect(declared('<meta content="text/html; charset=koi8-r" http-equiv="Content-Type">')).toBe('koi8-r');
    expect(declared('<meta name="description" content="charset-free">')).toBeNull();
    expect(declared('<meta charset="bogus-9">')).toBeNull();
  });

  it('refuses NUL bytes in a page that declares a legacy charset', async () => {
    const bytes = new Uint8Array([...utf8('<meta charset="windows-1252"><p>x'), 0, 0, ...utf8('</p>')]);
    expect((await refusal('nul.html', bytes)).code).toBe('binary');
  });
});

describe('importHtml: hostile pages', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('<p>fetched</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches nothing the page points at: scripts, styles, frames, images, objects, media, imports, refreshes', async () => {
    const head =
      `<meta charset="utf-8"><title>Hostile</title><base href="${origin}/base/">` +
      `<meta http-equiv="refresh" content="0; url=${origin}/refresh">` +
      `<link rel="stylesheet" href="${origin}/style.css"><link rel="preload" href="${origin}/preload" as="fetch">` +
      `<link rel="import" href="${origin}/import.html"><script src="${origin}/script.js"></script>` +
      `<style>@import url("${origin}/imported.css"); body { background: url(${origin}/bg.png) }</style>`;
    const body =
      `<article><h1>Hostile</h1><p onmouseover="fetch('${origin}/handler')">${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p>` +
      `<img src="${origin}/img.png" srcset="${origin}/img2.png 2x" onerror="fetch('${origin}/onerror')">` +
      `<iframe src="${origin}/frame.html"></iframe><object data="${origin}/object.swf"></object><embed src="${origin}/embed">` +
      `<video src="${origin}/video.mp4" poster="${origin}/poster.png"><source src="${origin}/source.mp4"></video>` +
      `<audio src="${origin}/audio.mp3"></audio><svg><image href="${origin}/svg.png"/></svg>` +
      `<a href="javascript:fetch('${origin}/js-link')">a javascript: link</a>` +
      `<script>fetch('${origin}/inline'); globalThis.__hostile = true;</script></article>`;
    for (const htmlMode of ['article', 'full-text'] as const) {
      const article = await imported('hostile.html', utf8(page(body, head)), { htmlMode });
      expect(article.text).toContain('a javascript: link');
      expect(article.text).not.toContain('__hostile');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
    expect((globalThis as { __hostile?: unknown }).__hostile).toBeUndefined();
  });

  it('imports 100,000 sibling paragraphs', async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `<p>Paragraph ${i} says something.</p>`).join('');
    const article = await imported('siblings.html', utf8(page(`<article>${body}</article>`)), { htmlMode: 'full-text' });
    expect(article.blocks).toHaveLength(100_000);
    expect(blockRows(article).at(-1)?.[3]).toBe('Paragraph 99999 says something.');
  }, 60_000);

  it('refuses 100,000 nested elements at once instead of parsing for minutes', async () => {
    const bytes = utf8(page(`${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}`));
    for (const htmlMode of ['article', 'full-text'] as const) {
      const started = performance.now();
      const error = await refusal('nested.html', bytes, { htmlMode });
      expect(error.code).toBe('too_large');
      expect(error.message).toContain('1000 levels deep');
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('hands a page too big for the article finder to full-text mode', async () => {
    const filler = '<i></i>'.repeat(150_000);
    const bytes = utf8(page(`<article><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article>${filler}`));
    const error = await refusal('busy.html', bytes);
    expect(error.code).toBe('no_article');
    expect(error.message).toMatch(/has 150,\d{3} elements, more than the 100,000 the article finder reads/);
    const article = await imported('busy.html', bytes, { htmlMode: 'full-text' });
    expect(article.text).toBe([paragraph, paragraph, paragraph].join('\n\n'));
  }, 60_000);
});

describe('markupShape', () => {
  const depth = (html: string, limit = 100) => markupShape(html, limit).depth;

  it('counts open elements the way the parser keeps them', () => {
    expect(depth('<div><section><span>x</span></section></div>')).toBe(3);
    // An end tag closes what was left open inside its element.
    expect(depth('<div><span><b>x</div>'.repeat(50))).toBe(3);
  });

  it('does not count elements that close themselves, void elements, comments or script text', () => {
    expect(depth('<ul>' + '<li><p>item<br><img src=x>'.repeat(500) + '</ul>')).toBe(1);
    expect(depth(`<!-- ${'<div>'.repeat(500)} --><script>${'<div>'.repeat(500)}</script><div></div>`)).toBe(1);
  });

  it('counts every element once, end tags and comments not', () => {
    expect(markupShape('<!-- <b> --><p>a<br>b</p><script>"<i>"</script><div></div>', 100).elements).toBe(4);
  });

  it('stops counting past the depth limit', () => {
    expect(depth('<div>'.repeat(100_000), 1000)).toBe(1001);
  });
});
