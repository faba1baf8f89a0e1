import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/main/api/base64';

describe('decodeBase64', () => {
  it('decodes padded base64 of any length to the same bytes', () => {
    for (const size of [0, 1, 2, 3, 4, 1000, 100_001]) {
      const bytes = randomBytes(size);
      expect(decodeBase64(bytes.toString('base64'))?.equals(bytes)).toBe(true);
    }
  });

  it('decodes into the room it is given: shared memory, for a worker thread to read in place', () => {
    const bytes = randomBytes(1000);
    const decoded = decodeBase64(bytes.toString('base64'), (length) => new Uint8Array(new SharedArrayBuffer(length)));
    expect(decoded?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(decoded?.equals(bytes)).toBe(true);
  });

  it('takes exactly the texts that are the padded base64 of their bytes', () => {
    const characters = fc.constantFrom(...'QUJDRAgw+/=-_ \n*é');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        const roundTrip = Buffer.from(text, 'base64').toString('base64') === text;
        expect(decodeBase64(text) !== null).toBe(roundTrip);
      }),
      { numRuns: 20_000 }
    );
  });

  it.each([
    ['missing padding', 'QQ'],
    ['a character outside the alphabet', 'QU*D'],
    ['the URL-safe alphabet', '-_-_'],
    ['whitespace', 'QUJD\nREVG'],
    ['padding in the middle', 'QQ==QUJD'],
    ['too much padding', 'Q==='],
    ['non-zero bits after the last byte', 'QR==']
  ])('refuses %s', (_what, text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});
