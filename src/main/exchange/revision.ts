/** Record revisions: the SHA-256 of a record's canonical content, the same on every machine. */
import { canonicalJson } from '../export/canonical-json';
import { sha256Hex } from '../import/hash';

/** `content` is a record without revision, baseRevisions, target and orphaned (see records.ts). */
export function revisionOf(content: object): string {
  return sha256Hex(canonicalJson(content));
}

/**
 * Deep equality of JSON values, as a merge compares field values: true exactly when both have the
 * same canonical JSON (members set to undefined count as absent), without building that text.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // JSON writes an undefined array element as null.
    return a.every((item, i) => sameValue(item ?? null, b[i] ?? null));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let members = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    members += 1;
    if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) members -= 1;
  return members === 0;
}
