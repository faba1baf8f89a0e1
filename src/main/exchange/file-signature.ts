/**
 * The author's signature on a shared file: Ed25519 over the canonical JSON of everything in the
 * file but the signature block. A signature that does not match the content refuses the file;
 * a valid one is then judged by the key this library trusts for the author's name.
 */
import type { FileSignatureStatus } from '../../shared/api/methods/exchange';
import { keyFingerprint, shortFingerprint, signValue, signatureValid } from '../identity/signature';
import type { UserKey } from '../identity/user-keys';
import { getKnownKey } from '../store/known-keys';
import type { Db } from '../store/open';
import type { AnnotationFile } from './file-schema';

/** The file with its author's signature (the key must be the author's). */
export function signFile(file: AnnotationFile, key: UserKey): AnnotationFile {
  const { signature: _old, ...content } = file;
  return { ...content, signature: { author: key.userName, publicKey: key.publicKey, value: signValue(key.privateKey, content) } };
}

/**
 * Why the parsed file's signature is refused, or null when it is absent or matches. Checked on the
 * file as read (not as parsed by the schema), so that exactly the signed bytes' meaning counts.
 */
export function signatureProblem(parsed: Record<string, unknown>, file: AnnotationFile): string | null {
  if (!file.signature) return null;
  if (file.signature.author !== file.author) {
    return `it is signed by "${file.signature.author}" but names "${file.author}" as its author`;
  }
  const { signature: _signature, ...content } = parsed;
  if (signatureValid(file.signature.publicKey, content, file.signature.value)) return null;
  return `its signature by "${file.author}" does not match its content: the file was changed after it was signed`;
}

/** The state of a checked file's signature in this library. */
export function signatureStatus(db: Db, file: AnnotationFile): FileSignatureStatus {
  if (!file.signature) {
    return {
      state: 'unsigned',
      author: null,
      fingerprint: null,
      description: `Not signed (written by an older Factdesk): nothing shows that ${file.author} wrote it.`
    };
  }
  const { author, publicKey } = file.signature;
  const fingerprint = shortFingerprint(keyFingerprint(publicKey));
  const signed = `Signed by ${author}, key ${fingerprint}`;
  const known = getKnownKey(db, author);
  if (!known) {
    return { state: 'untrusted', author, fingerprint, description: `${signed}: valid, but this library does not trust that key yet.` };
  }
  if (known.publicKey !== publicKey) {
    return {
      state: 'key differs',
      author,
      fingerprint,
      description: `${signed}: this library trusts a different key for ${author} (${shortFingerprint(known.fingerprint)}); the file may not be from them.`
    };
  }
  return { state: 'trusted', author, fingerprint, description: `${signed}: valid, and the key is trusted.` };
}
