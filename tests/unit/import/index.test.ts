import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/shared/result';
import { MAX_IMPORT_BYTES } from '../../../src/shared/api/file-limits';
import { importArticle } from '../../../src/main/import/index';
import { articleFixture } from './fixtures';

async function expectRefusal(fileName: string, bytes: Uint8Array, code: ErrorCode): Promise<string> {
  const result = await importArticle(fileName, bytes);
  if (result.ok) throw new Error(`expected ${fileName} to be refused with ${code}`);
  expect(result.error.code).toBe(code);
  expect(result.error.message).toContain(`"${fileName}"`);
  return result.error.message;
}

describe('importArticle dispatch', () => {
  it.each([
    ['notes.txt', 'txt'],
    ['NOTES.TXT', 'txt'],
    ['story.md', 'md'],
    ['story.Markdown', 'md'],
    ['folder.v2/story.markdown', 'md']
  ])('imports %s as %s', async (fileName, format) => {
    const result = await importArticle(fileName, new TextEncoder().encode('# Heading\n\nBody text.\n'));
    expect(result.ok && result.value.format).toBe(format);
    expect(result.ok && result.value.source.fileName).toBe(fileName);
  });

  it.each([
    ['saved-page.html', 'html'],
    ['Saved-Page.HTM', 'html'],
    ['saved-page.xhtml', 'html'],
    ['article.docx', 'docx'],
    ['report.pdf', 'pdf']
  ])('imports %s as %s', async (fileName, format) => {
    const fixture = fileName.toLowerCase().replace(/\.x?html?$/, '.html');
    const result = await importArticle(fileName, articleFixture(fixture));
    expect(result.ok && result.value.format).toBe(format);
    expect(result.ok && result.value.source.fileName).toBe(fileName);
  });

  it('does not apply the text formats’ NUL-byte rule to Word and PDF files', async () => {
    for (const name of ['article.docx', 'report.pdf']) {
      const bytes = articleFixture(name);
      expect(bytes.includes(0)).toBe(true);
      expect((await importArticle(name, bytes)).ok).toBe(true);
    }
  });

  it('imports every encoding fixture to the same text', async () => {
    const texts = await Promise.all(
      ['utf8-plain.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt'].map(async (name) => {
        const result = await importArticle(name, articleFixture(name));
        if (!result.ok) throw new Error(result.error.message);
        return result.value.text;
      })
    );
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain('𝔘 and 😀');
  });

  it('accepts a file of exactly the size limit', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    bytes.fill(0x0a, 1000, 1002);
    const result = await importArticle('big.txt', bytes);
    expect(result.ok && result.value.text.length).toBe(MAX_IMPORT_BYTES);
    expect(result.ok && result.value.blocks).toHaveLength(2);
  });
});

describe('importArticle refusals', () => {
  it('says exactly what is wrong with an empty file', async () => {
    const message = await expectRefusal('empty.txt', articleFixture('empty.txt'), 'empty');
    expect(message).toBe('Cannot import "empty.txt": the file is empty.');
  });

  it('refuses a whitespace-only file as empty', async () => {
    const message = await expectRefusal('whitespace-only.txt', articleFixture('whitespace-only.txt'), 'empty');
    expect(message).toContain('only whitespace');
  });

  it('refuses a file over 20 MB as too large', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const message = await expectRefusal('huge.txt', bytes, 'too_large');
    expect(message).toContain('20 MB');
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('refuses a binary file with a text extension', async () => {
    const message = await expectRefusal('binary.txt', articleFixture('binary.txt'), 'binary');
    expect(message).toContain('NUL');
  });

  it('refuses text that cannot be decoded', async () => {
    await expectRefusal('odd.txt', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]), 'undecodable');
    await expectRefusal('cyrillic.md', new Uint8Array([0x81, 0xe0, 0xe1, 0x0a]), 'undecodable');
  });

  it.each(['photo.png', 'report.doc', 'page.mhtml', 'README', 'notes.v2/README', 'archive.tar.gz'])(
    'refuses %s as unsupported and lists the supported types',
    async (fileName) => {
      const message = await expectRefusal(fileName, new TextEncoder().encode('some text'), 'unsupported');
      expect(message).toContain('(supported: .txt, .md, .markdown, .html, .htm, .xhtml, .docx, .pdf)');
    }
  );

  it('checks the common rules before the file type', async () => {
    await expectRefusal('photo.png', new Uint8Array(0), 'empty');
    await expectRefusal('scan.pdf', new Uint8Array(0), 'empty');
    await expectRefusal('huge.docx', new Uint8Array(MAX_IMPORT_BYTES + 1), 'too_large');
  });
});
