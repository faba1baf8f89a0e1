/**
 * Checks on untrusted JSON that come before any schema: nesting depth (measured on the text, so
 * nothing recursive ever sees a deep document) and keys that could reach an object's prototype.
 */
import { MAX_DEPTH } from './limits';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** The character offset where nesting first passes `limit`, or -1 when it never does. */
export function excessiveNesting(json: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const code = json.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth += 1;
      if (depth > limit) return i;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return -1;
}

/** Escapes one JSON-pointer token (RFC 6901). */
export const pointerToken = (token: PropertyKey) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/** A JSON pointer from a path, e.g. ["mentions", 3, "target"] → "/mentions/3/target". */
export const jsonPointer = (path: readonly PropertyKey[]) => path.map((token) => `/${pointerToken(token)}`).join('');

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

const pointerOf = (visit: Visit): string => (visit.parent ? `${pointerOf(visit.parent)}/${pointerToken(visit.key)}` : '');

/** The JSON pointer of the first member named __proto__, constructor or prototype, or null. */
export function forbiddenKey(value: unknown): { pointer: string; key: string } | null {
  // Pointers are built only for the finding: a large file has millions of values.
  const stack: Visit[] = [{ value, key: '', parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const child: Visit = { value: (current as Record<string, unknown>)[key], key, parent: visit };
      if (FORBIDDEN_KEYS.has(key)) return { pointer: pointerOf(child), key };
      stack.push(child);
    }
  }
  return null;
}
