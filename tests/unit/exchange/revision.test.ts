import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { revisionOf, sameValue } from '../../../src/main/exchange/revision';
import { canonicalJson } from '../../../src/main/export/canonical-json';

/** JSON values with members and array items that may be undefined, as records built in code can have. */
const value = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, 2.5, '', 'a', 'b', 'ä', '😀'),
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'id', '1', '__x'), tie('json'), { maxKeys: 4 })
  )
})).json;

describe('record revisions and value comparison', () => {
  it('a revision is the SHA-256 of the canonical JSON, as files written before compute it', () => {
    const content = { z: 1, a: { y: [1, { b: 2, a: 1 }], x: null }, u: undefined };
    expect(revisionOf(content)).toBe(createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'));
    expect(revisionOf({ a: { x: null, y: [1, { a: 1, b: 2 }] }, z: 1 })).toBe(revisionOf(content));
  });

  it('two values are the same exactly when their canonical JSON is', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameValue(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameValue(a, a)).toBe(true);
      }),
      { numRuns: 2000 }
    );
  });

  it('treats members set to undefined as absent, and tells apart what JSON tells apart', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, undefined], [1, null])).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: { b: 1 } }, { a: { b: '1' } })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue({}, [])).toBe(false);
  });
});
