/**
 * Ed25519 signatures over canonical JSON. Public keys travel as base64 SPKI DER; a fingerprint
 * is the SHA-256 of those bytes, shown short (16 hex digits in groups of four) to people.
 */
import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJsonBytes } from '../export/canonical-json';

export const exportPublicKey = (key: KeyObject): string => key.export({ format: 'der', type: 'spki' }).toString('base64');

export const keyFingerprint = (publicKey: string): string =>
  createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');

export const shortFingerprint = (fingerprint: string): string => fingerprint.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');

export const signValue = (privateKey: KeyObject, value: object): string =>
  sign(null, canonicalJsonBytes(value), privateKey).toString('base64');

/** False for a wrong signature and for a key or signature that is not Ed25519 at all. */
export function signatureValid(publicKey: string, value: object, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, canonicalJsonBytes(value), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
