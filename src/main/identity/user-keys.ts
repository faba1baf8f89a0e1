/**
 * Each user's Ed25519 key pair, made on first use. The private key lives in the library folder
 * (keys/, owner-only: folder 0700, file 0600); the public key is recorded as this library's
 * trusted key for that user name.
 */
import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '../errors';
import { getKnownKey, rememberKey } from '../store/known-keys';
import type { Db } from '../store/open';
import { exportPublicKey, keyFingerprint, shortFingerprint } from './signature';

const knownElsewhere = (userName: string, fingerprint: string) =>
  new DomainError(
    'conflict',
    `This library already trusts another key for "${userName}" (fingerprint ${shortFingerprint(fingerprint)}), ` +
      'so reviews signed with a different key under that name do not count.'
  );

export interface UserKey {
  userName: string;
  privateKey: KeyObject;
  publicKey: string;
  fingerprint: string;
}

/** The folder of private keys beside the library's database file. */
export function keyFolder(db: Db): string {
  if (db.memory) throw new Error('An in-memory library has no folder for signing keys.');
  return join(dirname(db.name), 'keys');
}

/** The private key file of a user name (named by a hash, so any name makes a safe file name). */
export const keyFile = (folder: string, userName: string) =>
  join(folder, `${createHash('sha256').update(userName, 'utf8').digest('hex').slice(0, 32)}.pem`);

function loadOrCreate(folder: string, userName: string): KeyObject {
  const file = keyFile(folder, userName);
  if (existsSync(file)) return createPrivateKey(readFileSync(file, 'utf8'));
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  return privateKey;
}

/**
 * The signing key of `userName`, made and trusted on first use. Refused when this library already
 * trusts another key for that name: signing would make every review by that name look forged.
 */
export function userKey(db: Db, userName: string, at: string): UserKey {
  const folder = keyFolder(db);
  const known = getKnownKey(db, userName);
  // A name trusted with someone else's key gets no new key file here.
  if (known && !existsSync(keyFile(folder, userName))) throw knownElsewhere(userName, known.fingerprint);
  const privateKey = loadOrCreate(folder, userName);
  const publicKey = exportPublicKey(createPublicKey(privateKey));
  const fingerprint = keyFingerprint(publicKey);
  if (known && known.publicKey !== publicKey) throw knownElsewhere(userName, known.fingerprint);
  if (!known) rememberKey(db, { userName, publicKey, fingerprint, origin: 'created here', firstSeenAt: at });
  return { userName, privateKey, publicKey, fingerprint };
}

/** Trusts `publicKey` for `userName` (a person compared its fingerprint); a name keeps its first key. */
export function trustKey(db: Db, userName: string, publicKey: string, at: string): { fingerprint: string } {
  let key;
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new DomainError('invalid_input', 'This is not a public key.');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new DomainError('invalid_input', 'Only Ed25519 keys sign reviews.');
  const fingerprint = keyFingerprint(publicKey);
  const known = getKnownKey(db, userName);
  if (known && known.publicKey !== publicKey) throw knownElsewhere(userName, known.fingerprint);
  if (!known) rememberKey(db, { userName, publicKey, fingerprint, origin: 'trusted', firstSeenAt: at });
  return { fingerprint };
}
