/**
 * Shared files are signed by their author: a packed file verifies, a file changed after signing is
 * refused with the library unchanged, and the preview says whose key signed it and whether this
 * library trusts that key.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPublicKey, keyFingerprint, shortFingerprint, signValue } from '../../../src/main/identity/signature';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Annotated, annotate, b64, handEdited, open, pack, snapshot, tryOpen, withRecordsEdited } from './helpers';

let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;
let packed: string;

beforeEach(async () => {
  checker = tempLibrary('factdesk-signer-');
  reviewer = tempLibrary('factdesk-receiver-');
  ids = await annotate(checker);
  await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
  packed = (await pack(checker, ids.documentId)).content;
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

const preview = (lib: TempLibrary, content: string) =>
  lib.call('exchange.preview', { fileName: 'shared.factdesk.json', dataBase64: b64(content) });

async function trustChecker() {
  const mine = await checker.call('keys.mine', {});
  const publicKey = checker.db.prepare('SELECT public_key FROM known_keys WHERE user_name = ?').pluck().get(mine.userName) as string;
  await reviewer.call('keys.trust', { userName: mine.userName, publicKey });
  return shortFingerprint(keyFingerprint(publicKey));
}

describe('the author signs a shared file', () => {
  it('a packed file carries a valid signature, trusted once its key is', async () => {
    const file = JSON.parse(packed);
    expect(file.signature).toMatchObject({ author: 'Ana Checker' });
    const fingerprint = shortFingerprint(keyFingerprint(file.signature.publicKey));

    expect((await preview(reviewer, packed)).signature).toEqual({
      state: 'untrusted',
      author: 'Ana Checker',
      fingerprint,
      description: `Signed by Ana Checker, key ${fingerprint}: valid, but this library does not trust that key yet.`
    });
    expect(await trustChecker()).toBe(fingerprint);
    const report = await open(reviewer, packed);
    expect(report.signature).toMatchObject({ state: 'trusted', author: 'Ana Checker', fingerprint });
    expect(report.signature.description).toContain('valid, and the key is trusted');
  });

  it('a file edited by hand after packing is refused as a bad signature, the library unchanged', async () => {
    await open(reviewer, packed);
    await checker.call('claims.update', { id: ids.claimId, explanation: 'A newer explanation.' });
    const tampered = JSON.stringify(
      withRecordsEdited((await pack(checker, ids.documentId)).content, (file) => {
        file.claims.find((c) => c.id === ids.claimId)!.explanation = 'Changed by hand after signing.';
      })
    );
    const before = snapshot(reviewer);
    for (const method of ['exchange.preview', 'exchange.open', 'exchange.validate'] as const) {
      const result = await reviewer.service.call(method, { fileName: 'shared.factdesk.json', dataBase64: b64(tampered) });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Cannot open "shared.factdesk.json": its signature by "Ana Checker" does not match its content: the file was changed after it was signed.'
        }
      });
    }
    expect(snapshot(reviewer)).toBe(before);
    const claim = (await reviewer.call('documents.get', { id: ids.documentId })).claims.find((c) => c.id === ids.claimId)!;
    expect(claim.explanation).toBe('The White House announced it.');
  });

  it('a file signed under a trusted name by another key says the key differs', async () => {
    const trustedFingerprint = await trustChecker();
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKey = exportPublicKey(createPublicKey(privateKey));
    const { signature: _signature, ...content } = JSON.parse(packed);
    const resigned = JSON.stringify({ ...content, signature: { author: 'Ana Checker', publicKey, value: signValue(privateKey, content) } });

    const fingerprint = shortFingerprint(keyFingerprint(publicKey));
    const report = await preview(reviewer, resigned);
    expect(report.signature).toMatchObject({ state: 'key differs', author: 'Ana Checker', fingerprint });
    expect(report.signature.description).toBe(
      `Signed by Ana Checker, key ${fingerprint}: this library trusts a different key for Ana Checker (${trustedFingerprint}); the file may not be from them.`
    );
  });

  it('a file signed in the name of someone other than its author is refused', async () => {
    const file = JSON.parse(packed);
    file.signature.author = 'Carol Editor';
    const result = await tryOpen(reviewer, JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('signed by "Carol Editor" but names "Ana Checker"') } });
  });

  it('an unsigned file opens, and the preview says it is unsigned', async () => {
    const unsigned = handEdited(JSON.parse(packed));
    expect((await preview(reviewer, unsigned)).signature).toMatchObject({ state: 'unsigned', author: null, fingerprint: null });
    const report = await open(reviewer, unsigned);
    expect(report).toMatchObject({ outcome: 'imported', signature: { state: 'unsigned' } });
    expect(report.signature.description).toBe('Not signed (written by an older Factdesk): nothing shows that Ana Checker wrote it.');
  });
});
