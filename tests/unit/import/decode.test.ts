import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, decodeBytes, normaliseNewlines } from '../../../src/main/import/decode';
import { articleFixture } from './fixtures';

/** What the utf8/utf16 fixtures hold: accents, curly quotes, astral characters, Hebrew, double and trailing spaces. */
const UNICODE_TEXT = 'Café “Zürich” — naïve 𝔘 and 😀 ok\n  Indented  line with  double spaces \nשלום עולם\n';

function decodedText(bytes: Uint8Array): { text: string; encoding: string } {
  const result = decodeBytes(bytes);
  if (!result.ok) throw new Error(`expected to decode, got ${result.error.code}: ${result.error.reason}`);
  return result.value;
}

function decodeProblem(bytes: Uint8Array): string {
  const result = decodeBytes(bytes);
  if (result.ok) throw new Error(`expected a problem, decoded ${JSON.stringify(result.value.text)}`);
  return result.error.code;
}

describe('decodeBytes encodings', () => {
  it.each([
    ['utf8-plain.txt', 'utf-8'],
    ['utf8-bom.txt', 'utf-8-bom'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be']
  ])('decodes %s as %s and drops the byte-order mark', (fixture, encoding) => {
    expect(decodedText(articleFixture(fixture))).toEqual({ text: UNICODE_TEXT, encoding });
  });

  it('falls back to Windows-1252 for curly quotes, dashes, € and é', () => {
    expect(decodedText(articleFixture('windows-1252.txt'))).toEqual({
      text: '“Curly quotes” in café – priced at €5… ‘done’\nSecond line\n',
      encoding: 'windows-1252'
    });
    expect(decodedText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', encoding: 'windows-1252' });
  });

  it('prefers valid UTF-8 over Windows-1252', () => {
    expect(decodedText(new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9]))).toEqual({ text: 'café', encoding: 'utf-8' });
  });

  it('keeps a U+FEFF that is content, after the byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a\ufeffb')]);
    expect(decodedText(bytes).text).toBe('a\ufeffb');
  });
});

describe('decodeBytes newlines', () => {
  it('turns CRLF into LF and keeps every space, tab and trailing space', () => {
    expect(decodedText(articleFixture('crlf.txt')).text).toBe(
      'First line\n\n  Indented  double  spaces \nTab\there\t\n\nLast paragraph.  Trailing  \n'
    );
  });

  it('turns lone CR (classic Mac) into LF', () => {
    expect(decodedText(articleFixture('cr-only.txt')).text).toBe('Old Mac file\n\nSecond  paragraph \ncontinues here\n');
  });

  it('normalises CRLF before CR, so CR CR LF is two line breaks', () => {
    expect(normaliseNewlines('a\r\n\r\nb\rc\n\rd\r\r\n')).toBe('a\n\nb\nc\n\nd\n\n');
  });

  it('changes nothing else: no Unicode normalisation, no trimming', () => {
    const original = '  e\u0301 vs \u00e9\u00a0\t \u2028x\u200b  \n\n';
    expect(decodedText(new TextEncoder().encode(original)).text).toBe(original);
  });

  it('normalises newlines inside UTF-16 text too', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0x62, 0x00, 0x0d, 0x00]);
    expect(decodedText(utf16).text).toBe('a\nb\n');
  });
});

describe('decodeBytes problems', () => {
  it('calls NUL bytes binary', () => {
    expect(decodeProblem(articleFixture('binary.txt'))).toBe('binary');
    expect(decodeProblem(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x00]))).toBe('binary');
  });

  it('calls NUL characters in UTF-16 binary', () => {
    expect(decodeProblem(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0x00]))).toBe('binary');
  });

  it('refuses bytes that contradict their byte-order mark', () => {
    expect(decodeProblem(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3]))).toBe('undecodable');
    expect(decodeProblem(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]))).toBe('undecodable');
    // An unpaired high surrogate.
    expect(decodeProblem(new Uint8Array([0xfe, 0xff, 0xd8, 0x3d, 0x00, 0x61]))).toBe('undecodable');
  });

  it('refuses UTF-32 instead of misreading it as UTF-16', () => {
    expect(decodeProblem(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]))).toBe('undecodable');
  });

  it('refuses bytes Windows-1252 leaves undefined rather than importing replacement characters', () => {
    // "Ѓ" in Windows-1251 is 0x81, undefined in Windows-1252.
    expect(decodeProblem(new Uint8Array([0x81, 0xe0, 0xe1]))).toBe('undecodable');
  });
});

describe('decodeArticleBytes', () => {
  it('refuses whitespace-only text as empty, naming the file', () => {
    const result = decodeArticleBytes('blank.txt', articleFixture('whitespace-only.txt'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'empty', message: 'Cannot import "blank.txt": the file contains only whitespace.' }
    });
  });

  it('names the file and the reason for a binary file', () => {
    const result = decodeArticleBytes('photo.txt', articleFixture('binary.txt'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('binary');
    expect(result.error.message).toMatch(/^Cannot import "photo\.txt": it contains NUL bytes/);
  });
});
