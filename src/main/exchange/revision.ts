/** Record revisions: the SHA-256 of a record's canonical content, the same on every machine. */
import { canonicalJson } from '../export/canonical-json';
import { sha256Hex } from '../import/hash';

/** `content` is a record without revision, baseRevisions, target and orphaned (see records.ts). */
export function revisionOf(content: object): string {
  return sha256Hex(canonicalJson(content));
}

/** Deep equality of JSON values, as a merge compares field values. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}
