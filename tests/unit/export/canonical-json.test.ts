import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../../../src/main/export/canonical-json';

/** JSON values with members and array items that may be undefined, and characters outside Latin-1. */
const value = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, 2.5, '', 'a', 'é', '—', '😀', '"\\\n'),
    fc.string({ unit: 'binary' }),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'Z', 'é', '1', '10', '2', '"', '__proto__'), tie('json'), { maxKeys: 4 })
  )
})).json;

describe('canonical JSON bytes', () => {
  it('are the UTF-8 encoding of the canonical JSON text, piece by piece or not', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 5 }), fc.array(value, { maxLength: 5 }), (object, array) => {
        expect(canonicalJsonBytes(object).equals(Buffer.from(canonicalJson(object), 'utf8'))).toBe(true);
        expect(canonicalJsonBytes(array).equals(Buffer.from(canonicalJson(array), 'utf8'))).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });

  it('sort keys and drop undefined members at every depth', () => {
    const bytes = canonicalJsonBytes({ z: [{ b: 'β', a: undefined }, undefined], a: { d: { y: 1, x: '—' }, c: [] }, u: undefined });
    expect(bytes.toString('utf8')).toBe('{"a":{"c":[],"d":{"x":"—","y":1}},"z":[{"b":"β"},null]}');
  });
});
