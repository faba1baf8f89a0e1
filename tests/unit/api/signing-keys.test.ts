/** Each user's signing key: made on first use, owner-only on disk, one trusted key per name. */
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPublicKey } from '../../../src/main/identity/signature';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

describe('signing keys', () => {
  it('makes a key pair on first use, private key owner-only in the library folder, the same key afterwards', async () => {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const first = await lib.call('keys.mine', {});
    expect(first).toMatchObject({ userName: 'Ana Checker', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first.shortFingerprint).toBe(first.fingerprint.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 '));
    expect(await lib.call('keys.mine', {})).toEqual(first);
    const folder = join(lib.dir, 'keys');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const [file] = readdirSync(folder);
    expect(statSync(join(folder, file!)).mode & 0o777).toBe(0o600);
  });

  it('trusts a key for a new name once, and refuses another key for a name it knows, changing nothing', async () => {
    const key = () => exportPublicKey(generateKeyPairSync('ed25519').publicKey);
    const bens = key();
    const trusted = await lib.call('keys.trust', { userName: 'Ben Reviewer', publicKey: bens });
    expect(await lib.call('keys.trust', { userName: 'Ben Reviewer', publicKey: bens })).toEqual(trusted);
    const before = lib.snapshot();
    expect(await lib.service.call('keys.trust', { userName: 'Ben Reviewer', publicKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already trusts another key for "Ben Reviewer"') }
    });
    expect(await lib.service.call('keys.trust', { userName: 'Eve', publicKey: Buffer.from('not a key at all, just text here').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    });
    expect(lib.snapshot()).toBe(before);
    // Working here under a name whose trusted key came from elsewhere would sign with a key that does not count.
    await lib.call('settings.update', { userName: 'Ben Reviewer' });
    const renamed = lib.snapshot();
    expect(await lib.service.call('keys.mine', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(lib.snapshot()).toBe(renamed);
    expect(() => readdirSync(join(lib.dir, 'keys'))).toThrow(); // no key file was made
  });
});
