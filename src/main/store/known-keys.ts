import type { Db } from './open';
import { statement } from './statements';

/** How a key came to be trusted: made in this library for a local user, or accepted by a person. */
export type KeyOrigin = 'created here' | 'trusted';

export interface KnownKey {
  userName: string;
  publicKey: string;
  fingerprint: string;
  origin: KeyOrigin;
  firstSeenAt: string;
}

interface KnownKeyRow {
  user_name: string;
  public_key: string;
  fingerprint: string;
  origin: string;
  first_seen_at: string;
}

const toKnownKey = (row: KnownKeyRow): KnownKey => ({
  userName: row.user_name,
  publicKey: row.public_key,
  fingerprint: row.fingerprint,
  origin: row.origin as KeyOrigin,
  firstSeenAt: row.first_seen_at
});

export function getKnownKey(db: Db, userName: string): KnownKey | null {
  const row = statement(db, 'SELECT * FROM known_keys WHERE user_name = ?').get(userName) as KnownKeyRow | undefined;
  return row ? toKnownKey(row) : null;
}

/** Every trusted key by user name, for checking many reviews at once. */
export function knownKeys(db: Db): Map<string, KnownKey> {
  const rows = statement(db, 'SELECT * FROM known_keys').all() as KnownKeyRow[];
  return new Map(rows.map((row) => [row.user_name, toKnownKey(row)]));
}

/** Records the first key of a name; a name keeps its key (a different one is never written over it). */
export function rememberKey(db: Db, key: KnownKey): void {
  statement(
    db,
    'INSERT INTO known_keys (user_name, public_key, fingerprint, origin, first_seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_name) DO NOTHING'
  ).run(key.userName, key.publicKey, key.fingerprint, key.origin, key.firstSeenAt);
}
