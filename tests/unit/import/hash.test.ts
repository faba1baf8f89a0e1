import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/main/import/hash';
import { importTextFile } from '../../../src/main/import/text';
import { articleFixture } from './fixtures';

describe('sha256Hex', () => {
  it('matches the published SHA-256 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 encoding (value from Python hashlib)', () => {
    expect(sha256Hex('Café 😀\n')).toBe('df1a0e5e88443ce21d1f10fa9e83b3bc9afbb4ef9054c422e5c59940ed427283');
  });

  it('gives the same digest to a CRLF file and its LF twin, since it hashes the normalised text', () => {
    const crlf = importTextFile('crlf.txt', articleFixture('crlf.txt'));
    const lfBytes = new TextEncoder().encode('First line\n\n  Indented  double  spaces \nTab\there\t\n\nLast paragraph.  Trailing  \n');
    const lf = importTextFile('lf.txt', lfBytes);
    if (!crlf.ok || !lf.ok) throw new Error('fixtures should import');
    expect(sha256Hex(crlf.value.text)).toBe(sha256Hex(lf.value.text));
    expect(sha256Hex(crlf.value.text)).not.toBe(sha256Hex(crlf.value.text + ' '));
  });
});
