import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh access token for one browser-mode session: 32 random bytes, base64url (URL-fragment safe). */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so the buffers have equal length
 * and neither the content nor the length of the expected token leaks through timing.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
