import { readFileSync } from 'node:fs';

/** The bytes of a committed fixture under tests/fixtures/articles/. */
export function articleFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url)));
}
