/**
 * JSON parsed from UTF-8 bytes through a one-byte string. V8 keeps a decoded text holding any
 * character past Latin-1 (one dash in an article) at two bytes per character, so a large file
 * of mostly ASCII costs twice its size to decode, to parse and to encode again for a signature.
 * Read as Latin-1 instead (one character per byte), JSON's syntax, which is all ASCII, parses
 * alike; only the strings and keys holding bytes past ASCII come out as those bytes, and are
 * decoded from them into a copy (the parts without any stay shared). The Latin-1 reading is kept:
 * its canonical JSON, written back as Latin-1, is the UTF-8 of the decoded value's canonical JSON,
 * built without a two-byte string. That holds for valid UTF-8 without a byte order mark and
 * without \u escapes (an escaped "é" and the two bytes of "é" would read alike): for anything
 * else, and for JSON that does not parse, the answer is undefined and the caller decodes the text
 * as usual (and words any refusal).
 */
import { isUtf8 } from 'node:buffer';
import { canonicalJson, canonicalJsonBytes } from '../export/canonical-json';

export interface ParsedJson {
  value: unknown;
  /** canonicalJsonBytes(part(value)); `part` picks the same part of any reading of the value. */
  canonicalBytes(part: (value: unknown) => object): Buffer;
}

const PAST_ASCII = /[\u0080-\u00ff]/;

/**
 * Nesting the decoding walk follows; deeper JSON takes the ordinary way, where the reader refuses
 * it (its limit is far lower).
 */
const MAX_WALK_DEPTH = 1000;

/** The parsed value, or undefined when these bytes must be read the ordinary way. */
export function parseUtf8Json(bytes: Uint8Array): ParsedJson | undefined {
  const hasByteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasByteOrderMark || !isUtf8(bytes)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.includes('\\u')) return undefined;
  let latin1: unknown;
  try {
    latin1 = JSON.parse(text);
  } catch {
    return undefined;
  }
  const decoding = new Decoding();
  const value = decoding.copy(latin1, 0);
  if (decoding.failed) return undefined;
  return {
    value,
    // Keys past ASCII sort by their UTF-8 bytes in the Latin-1 reading, not by UTF-16 units.
    canonicalBytes: (part) =>
      decoding.keysDecoded ? canonicalJsonBytes(part(value)) : Buffer.from(canonicalJson(part(latin1)), 'latin1')
  };
}

/** A string read as Latin-1 from UTF-8 bytes, decoded from those bytes. */
const fromBytes = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

/** The Latin-1 reading with its strings and keys decoded, copying only what holds one. */
class Decoding {
  keysDecoded = false;
  /** Nested too deep, or an object to rebuild holds a "__proto__" member. */
  failed = false;

  copy(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return PAST_ASCII.test(value) ? fromBytes(value) : value;
    if (value === null || typeof value !== 'object' || this.failed) return value;
    if (depth > MAX_WALK_DEPTH) {
      this.failed = true;
      return value;
    }
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        const decoded = this.copy(item, depth + 1);
        if (decoded !== item) (copy ??= value.slice())[i] = decoded;
      }
      return copy ?? value;
    }
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const key in record) {
      const member = record[key];
      const decoded = this.copy(member, depth + 1);
      const decodedKey = PAST_ASCII.test(key) ? fromBytes(key) : key;
      if (!copy && (decoded !== member || decodedKey !== key)) {
        // A rebuilt object would take a "__proto__" member as its prototype.
        if (Object.hasOwn(record, '__proto__')) {
          this.failed = true;
          return value;
        }
        copy = {};
        for (const earlier in record) {
          if (earlier === key) break;
          copy[earlier] = record[earlier];
        }
      }
      if (!copy) continue;
      if (decodedKey !== key) this.keysDecoded = true;
      copy[decodedKey] = decoded;
    }
    return copy ?? value;
  }
}
