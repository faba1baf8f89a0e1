import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The sheet digest: SHA-256 (lower-case hex) over the UTF-8 bytes of the article text, one NUL
 * byte, then the canonical JSON of the records the sheet includes. Generation time, app version
 * and settings are not part of it, so the same library state always gives the same digest.
 */
export function sheetDigest(articleText: string, records: unknown): string {
  return createHash('sha256').update(articleText, 'utf8').update('\u0000').update(canonicalJson(records), 'utf8').digest('hex');
}

/** A short fingerprint of one included record (16 hex digits of the SHA-256 of its canonical JSON). */
export function recordFingerprint(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex').slice(0, FINGERPRINT_LENGTH);
}

export const FINGERPRINT_LENGTH = 16;
