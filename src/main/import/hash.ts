import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 encoding of the (already normalised) article text, as lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
