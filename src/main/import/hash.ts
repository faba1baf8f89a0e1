import { hash } from 'node:crypto';

/**
 * SHA-256 of a text's UTF-8 encoding, as lower-case hex: article texts and record revisions. The
 * one-shot digest: an annotation file's thousands of records each need one, and a Hash object
 * apiece costs more than the hashing.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
