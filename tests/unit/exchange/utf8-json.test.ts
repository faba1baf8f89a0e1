import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUtf8Json } from '../../../src/main/exchange/utf8-json';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** JSON with strings and keys in any script: Latin-1, dashes, CJK, astral characters, escapes. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('a', 'é', 'ß', '\u0085', '—', '„', '中', '😀', '𝔘', '"', '\\', '\n', '/') })
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.constantFrom(null, true, false, 0, -1.5, 1e21),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('0', '7', 'a', 'é', '—')), tie('value'), { maxKeys: 4 })
  )
})).value;

describe('JSON parsed from UTF-8 bytes through a one-byte string', () => {
  it('gives the value and the key order that decoding the text first gives', () => {
    let quick = 0;
    fc.assert(
      fc.property(json, (value) => {
        const written = JSON.stringify(value);
        const parsed = parseUtf8Json(utf8(written));
        if (parsed === undefined) {
          // Only text with a \u escape (a control character or a lone surrogate) is left to the ordinary way.
          expect(written).toContain('\\u');
          return;
        }
        quick += 1;
        expect(parsed).toEqual(JSON.parse(written));
        expect(JSON.stringify(parsed)).toBe(written);
      }),
      { numRuns: 3000 }
    );
    expect(quick).toBeGreaterThan(2000);
  });

  it('leaves to the ordinary way what it cannot read alike: a byte order mark, bytes that are not UTF-8, \\u escapes, broken JSON', () => {
    expect(parseUtf8Json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"a":"é"}')]))).toBeUndefined();
    expect(parseUtf8Json(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toBeUndefined();
    expect(parseUtf8Json(Buffer.from([0x22, 0xe9, 0x22]))).toBeUndefined();
    expect(parseUtf8Json(utf8('{"a":"\\u00e9 é"}'))).toBeUndefined();
    expect(parseUtf8Json(utf8('{"a":"é"'))).toBeUndefined();
    expect(parseUtf8Json(utf8(''))).toBeUndefined();
  });

  it('keeps a __proto__ member a member, by leaving an object with one to the ordinary way when its keys need decoding', () => {
    expect(parseUtf8Json(utf8('{"__proto__":{"x":1},"é":2}'))).toBeUndefined();
    const plain = parseUtf8Json(utf8('{"__proto__":{"x":"é"}}')) as Record<string, unknown>;
    expect(Object.hasOwn(plain, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(plain.__proto__).toEqual({ x: 'é' });
  });

  it('decodes strings nested deeper than a recursion could go', () => {
    const depth = 200_000;
    const parsed = parseUtf8Json(utf8(`${'['.repeat(depth)}"é—😀"${']'.repeat(depth)}`));
    let inner: unknown = parsed;
    for (let i = 0; i < depth; i += 1) inner = (inner as unknown[])[0];
    expect(inner).toBe('é—😀');
  });
});
