import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes, inCanonicalOrder } from '../../../src/main/export/canonical-json';

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

/** Canonical JSON the plain way: every object copied with its keys sorted. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortedCopy(member);
  }
  return sorted;
}

describe('canonical JSON text', () => {
  it('is the sorted copy\'s JSON, whether the value arrives in canonical order (read back) or not', () => {
    fc.assert(
      fc.property(value, (json) => {
        const expected = JSON.stringify(sortedCopy(json));
        expect(canonicalJson(json)).toBe(expected);
        if (expected !== undefined) expect(canonicalJson(JSON.parse(expected))).toBe(expected);
      }),
      { numRuns: 3000 }
    );
  });

  it('leaves a value already in canonical order as it is, and copies one that is not', () => {
    const ordered = { a: [{ b: 1, c: 'é' }], z: { y: null } };
    expect(inCanonicalOrder(ordered)).toBe(ordered);
    const unordered = { a: [{ c: 'é', b: 1 }], z: { y: null } };
    const copy = inCanonicalOrder(unordered) as typeof unordered;
    expect(copy).not.toBe(unordered);
    expect(copy.z).toBe(unordered.z);
    expect(Object.keys(copy.a[0]!)).toEqual(['b', 'c']);
    expect(Object.keys(unordered.a[0]!)).toEqual(['c', 'b']);
  });
});

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
