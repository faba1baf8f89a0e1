import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonBytes } from '../../../src/main/export/canonical-json';
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
  it('gives the value and the key order that decoding the text first gives, and its canonical JSON bytes', () => {
    let quick = 0;
    const whole = (value: unknown) => ({ whole: value });
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
        expect(parsed.value).toEqual(JSON.parse(written));
        expect(JSON.stringify(parsed.value)).toBe(written);
        expect(parsed.canonicalBytes(whole).equals(canonicalJsonBytes(whole(JSON.parse(written))))).toBe(true);
      }),
      { numRuns: 3000 }
    );
    expect(quick).toBeGreaterThan(2000);
  });

  it('keeps the parts without strings past ASCII as parsed, and the part picked for canonical bytes', () => {
    const parsed = parseUtf8Json(utf8('{"b":[{"x":"plain"},{"y":"é"}],"a":{"z":1},"sig":"—"}'))!;
    const value = parsed.value as { a: object; b: object[] };
    expect(value).toEqual({ b: [{ x: 'plain' }, { y: 'é' }], a: { z: 1 }, sig: '—' });
    const withoutSig = (file: unknown) => {
      const { sig: _sig, ...rest } = file as Record<string, unknown>;
      return rest;
    };
    expect(parsed.canonicalBytes(withoutSig).toString('utf8')).toBe('{"a":{"z":1},"b":[{"x":"plain"},{"y":"é"}]}');
  });

  it('leaves to the ordinary way what it cannot read alike: a byte order mark, bytes that are not UTF-8, \\u escapes, broken JSON', () => {
    expect(parseUtf8Json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"a":"é"}')]))).toBeUndefined();
    expect(parseUtf8Json(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toBeUndefined();
    expect(parseUtf8Json(Buffer.from([0x22, 0xe9, 0x22]))).toBeUndefined();
    expect(parseUtf8Json(utf8('{"a":"\\u00e9 é"}'))).toBeUndefined();
    expect(parseUtf8Json(utf8('{"a":"é"'))).toBeUndefined();
    expect(parseUtf8Json(utf8(''))).toBeUndefined();
  });

  it('keeps a __proto__ member a member: an object holding one is left to the ordinary way when it would be rebuilt', () => {
    expect(parseUtf8Json(utf8('{"__proto__":{"x":1},"é":2}'))).toBeUndefined();
    expect(parseUtf8Json(utf8('{"__proto__":{"x":"é"}}'))).toBeUndefined();
    const plain = parseUtf8Json(utf8('{"__proto__":{"x":"a"}}'))!.value as Record<string, unknown>;
    expect(Object.hasOwn(plain, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });

  it('decodes strings nested a thousand levels deep, and leaves deeper JSON to the ordinary way', () => {
    const nested = (depth: number) => utf8(`${'['.repeat(depth)}"é—😀"${']'.repeat(depth)}`);
    let inner = parseUtf8Json(nested(1000))!.value;
    for (let i = 0; i < 1000; i += 1) inner = (inner as unknown[])[0];
    expect(inner).toBe('é—😀');
    expect(parseUtf8Json(nested(200_000))).toBeUndefined();
  });
});
