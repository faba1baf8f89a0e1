/**
 * Checks on untrusted JSON that come before any schema: nesting depth and keys that could reach an
 * object's prototype. JSON.parse itself does not recurse (V8 parses iteratively), so the parsed
 * value is checked in one iterative walk before anything recursive sees it; the text is scanned
 * only to say where a refused nesting is.
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

/**
 * What the guard refuses in parsed JSON, found in one walk: nesting deeper than `limit` (reported
 * before a forbidden key, as it would stop a reader first), a forbidden key, or null. Only
 * containers are visited, with no record per value: a large file has millions of values.
 */
export function guardProblem(value: unknown, limit = MAX_DEPTH): 'nesting' | 'forbidden' | null {
  const containers: object[] = [];
  const depths: number[] = [];
  let top = 0;
  let forbidden = false;
  const visit = (child: unknown, depth: number) => {
    if (child === null || typeof child !== 'object') return;
    containers[top] = child;
    depths[top] = depth;
    top += 1;
  };
  visit(value, 1);
  while (top > 0) {
    top -= 1;
    const current = containers[top]!;
    const depth = depths[top]!;
    if (depth > limit) return 'nesting';
    if (Array.isArray(current)) {
      for (const item of current) visit(item, depth + 1);
      continue;
    }
    // for…in allocates no key list (parsed JSON has no inherited enumerable members to skip).
    for (const key in current) {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true;
      visit((current as Record<string, unknown>)[key], depth + 1);
    }
  }
  return forbidden ? 'forbidden' : null;
}

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
