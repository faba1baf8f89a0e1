/**
 * JSON parsed from UTF-8 bytes through a one-byte string. V8 keeps a decoded text holding any
 * character past Latin-1 (one dash in an article) at two bytes per character, so a large file
 * of mostly ASCII costs twice its size to decode and then to parse. Read as Latin-1 instead (one
 * character per byte), JSON's syntax, which is all ASCII, parses alike; only the strings and keys
 * holding bytes past ASCII come out as those bytes, and are each decoded from them afterwards.
 * That holds for valid UTF-8 without a byte order mark and without \u escapes (an escaped "é"
 * and the two bytes of "é" would read alike): for anything else, and for JSON that does not
 * parse, the answer is undefined and the caller decodes the text as usual (and words any refusal).
 */
import { isUtf8 } from 'node:buffer';

const PAST_ASCII = /[\u0080-\u00ff]/;

/** The parsed value, or undefined when these bytes must be read the ordinary way. */
export function parseUtf8Json(bytes: Uint8Array): unknown {
  const hasByteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasByteOrderMark || !isUtf8(bytes)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.includes('\\u')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return restored(parsed);
}

/** A string read as Latin-1 from UTF-8 bytes, decoded from those bytes. */
const fromBytes = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

/**
 * The parsed value with every string and key decoded, in place, in one iterative walk (a hostile
 * file may nest deeper than a recursion could go); undefined when an object to rebuild holds a
 * "__proto__" member, which a rebuilt object would not keep as a member.
 */
function restored(root: unknown): unknown {
  const top = restoredItem(root);
  const stack: object[] = [];
  if (top !== null && typeof top === 'object') stack.push(top);
  while (stack.length > 0) {
    const container = stack.pop() as Record<string | number, unknown>;
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i += 1) {
        const item = restoredItem(container[i]);
        if (item === undefined) return undefined;
        if (item !== container[i]) container[i] = item;
        if (item !== null && typeof item === 'object') stack.push(item);
      }
      continue;
    }
    for (const key in container) {
      const item = restoredItem(container[key]);
      if (item === undefined) return undefined;
      if (item !== container[key]) container[key] = item;
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return top;
}

/** A string decoded, an object with keys past ASCII rebuilt with them decoded (in the same order), else the value itself. */
function restoredItem(value: unknown): unknown {
  if (typeof value === 'string') return PAST_ASCII.test(value) ? fromBytes(value) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  let rebuild = false;
  for (const key in value) {
    if (PAST_ASCII.test(key)) rebuild = true;
  }
  if (!rebuild) return value;
  if (Object.hasOwn(value, '__proto__')) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[PAST_ASCII.test(key) ? fromBytes(key) : key] = (value as Record<string, unknown>)[key];
  return copy;
}
