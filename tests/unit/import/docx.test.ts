import { describe, expect, it } from 'vitest';
import { findGaps } from '../../../src/shared/gaps';
import { articleFixture, blockRows, expectExtractedBlocks, imported, refusal } from './fixtures';

describe('importDocx: a Word document with every kind of block', () => {
  it('keeps headings with levels, paragraphs, list items, quotes, table rows and notes', async () => {
    const article = await imported('article.docx', articleFixture('article.docx'));
    expectExtractedBlocks(article);
    expect(article.format).toBe('docx');
    expect(article.title).toBe('Flood defences: what the minister said');
    expect(article.source).toEqual({ fileName: 'article.docx' });
    expect(blockRows(article).map(([kind, level, , text]) => [kind, level, text])).toEqual([
      ['heading', 1, 'Flood defences: what the minister said'],
      ['heading', 1, 'Background'],
      ['paragraph', undefined, 'The minister said the new barrier had cost £40 million[1] and would protect 12,000 homes.'],
      ['paragraph', undefined, 'First line of an address\nsecond line of the same paragraph'],
      ['paragraph', undefined, 'Café “Zürich” — naïve 𝔘 and 😀, שלום עולם.'],
      ['heading', 2, 'What was promised'],
      ['list-item', undefined, 'A barrier on the river'],
      ['list-item', undefined, 'finished by 2026'],
      ['list-item', undefined, 'New pumping stations'],
      ['list-item', undefined, 'Step one'],
      ['list-item', undefined, 'Step two'],
      ['quote', undefined, 'We will not let the town flood again.'],
      ['table-row', undefined, 'Claim | Verdict | Source'],
      ['table-row', undefined, '£40 million | True | Budget 2024'],
      ['table-row', undefined, '12,000 homes |  | Council'],
      ['paragraph', undefined, 'The council disputes the figure.[2]'],
      ['footnote', undefined, '[1] Budget statement, March 2024, table 4.'],
      ['footnote', undefined, '[2] Council press release, 2 April 2024.']
    ]);
  });

  it('keeps offsets right around astral characters', async () => {
    const { text, blocks } = await imported('article.docx', articleFixture('article.docx'));
    const unicode = blocks[4];
    expect(text.slice(unicode.start, unicode.end)).toBe('Café “Zürich” — naïve 𝔘 and 😀, שלום עולם.');
    expect(text.indexOf('😀')).toBeGreaterThan(unicode.start);
  });
});

describe('importDocx: a Word document whose names were removed, leaving runs of spaces', () => {
  const SENTENCE = 'Reality TV star     paid a visit to the      to make the case.';
  const WRAPPED =
    'Shares rose on Monday after the chairman of the board,   \n' +
    'told analysts the merger would close in May, and the editor of\n' +
    '    wrote that it would not.';

  it('keeps every space and tab as Word shows it, inside lines and at their ends', async () => {
    const article = await imported('masked-names.docx', articleFixture('masked-names.docx'));
    expectExtractedBlocks(article);
    expect(blockRows(article).map(([kind, , , text]) => [kind, text])).toEqual([
      ['paragraph', SENTENCE],
      ['paragraph', 'Interview:\tTuesday,\t\t10 a.m.'],
      ['paragraph', WRAPPED],
      ['table-row', 'Claimed by | Senator      of Ohio']
    ]);
    expect(article.title).toBe('Reality TV star […] paid a visit to the […] to make the case.');
  });

  it('finds the masked names as gaps, as in the same text from a .txt file', async () => {
    const { text } = await imported('masked-names.docx', articleFixture('masked-names.docx'));
    const gaps = findGaps(text).map(({ start, end }) => ({ start, length: end - start, before: text.slice(start - 6, start) }));
    expect(gaps).toEqual([
      { start: 15, length: 5, before: 'V star' },
      { start: 39, length: 6, before: 'to the' },
      { start: text.indexOf('   \ntold'), length: 3, before: 'board,' },
      { start: text.indexOf('    wrote'), length: 4, before: 'or of\n' },
      { start: text.indexOf('Senator') + 7, length: 6, before: 'enator' }
    ]);
    const plain = await imported('masked-names.txt', new TextEncoder().encode(text));
    expect(findGaps(plain.text)).toEqual(findGaps(text));
  });
});

describe('importDocx: documents made with Word (mammoth’s test files)', () => {
  it.each([
    ['mammoth-footnotes.docx', [['paragraph', 'Ouch[1].[2]'], ['footnote', '[1] A tachyon walks into a bar.'], ['footnote', '[2] Fin.']]],
    ['mammoth-endnotes.docx', [['paragraph', 'Ouch[1].[2]'], ['footnote', '[1] A tachyon walks into a bar.'], ['footnote', '[2] Fin.']]],
    ['mammoth-tables.docx', [['paragraph', 'Above'], ['table-row', 'Top left | Top right'], ['table-row', 'Bottom left | Bottom right'], ['paragraph', 'Below']]],
    ['mammoth-simple-list.docx', [['list-item', 'Apple'], ['list-item', 'Banana']]]
  ])('reads %s', async (name, rows) => {
    const article = await imported(name, articleFixture(name));
    expectExtractedBlocks(article);
    expect(blockRows(article).map(([kind, , , text]) => [kind, text])).toEqual(rows);
  });
});

describe('importDocx: refusals', () => {
  const docx = articleFixture('article.docx');

  it('refuses a document without text as empty', async () => {
    expect((await refusal('empty.docx', articleFixture('mammoth-empty.docx'))).code).toBe('empty');
  });

  it('refuses a truncated file as damaged', async () => {
    for (const length of [docx.length - 200, Math.floor(docx.length / 2), 100]) {
      const error = await refusal('cut.docx', docx.subarray(0, length));
      expect(error.code).toBe('corrupt');
      expect(error.message).toContain('damaged or truncated');
    }
  });

  it('refuses a file whose compressed parts are garbled', async () => {
    const garbled = new Uint8Array(docx);
    garbled.fill(0x5a, 200, 1200);
    expect((await refusal('garbled.docx', garbled)).code).toBe('corrupt');
  });

  it('refuses a file that is not a zip archive, naming what a .docx is', async () => {
    const error = await refusal('notes.docx', new TextEncoder().encode('Just some text saved with the wrong extension.'));
    expect(error).toEqual({
      code: 'corrupt',
      message: 'Cannot import "notes.docx": it is not a Word document (a .docx file is a zip archive, and this file is not one).'
    });
  });

  it('refuses a zip archive that holds no Word document', async () => {
    const error = await refusal('hello.docx', articleFixture('not-word.docx'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('no word/document.xml');
  });

  it('tells an old .doc file from a password-protected Word file', async () => {
    const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const legacy = new Uint8Array([...ole2, ...new Uint8Array(504)]);
    const legacyError = await refusal('old.docx', legacy);
    expect(legacyError.code).toBe('unsupported');
    expect(legacyError.message).toContain('Word 97–2003');
    const encrypted = new Uint8Array([...legacy, ...Buffer.from('EncryptionInfo', 'utf16le'), 0, 0]);
    const encryptedError = await refusal('locked.docx', encrypted);
    expect(encryptedError.code).toBe('encrypted');
    expect(encryptedError.message).toContain('password-protected');
  });
});
