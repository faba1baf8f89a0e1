/**
 * Bytes → article text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
 * else Windows-1252. The only change made to the decoded text is newline normalisation
 * (CRLF and lone CR → LF); the byte-order mark is dropped, nothing else is touched.
 */
import iconv from 'iconv-lite';
import type { Result } from '../../shared/result';
import { importFailure } from './failure';

// src/main/cli/documents.ts still imports importFailure from here; it lives in ./failure now.
export { importFailure };

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Decodes a text file and applies the rules every text format shares: not binary, decodable, not blank. */
export function decodeArticleBytes(fileName: string, bytes: Uint8Array): Result<DecodedText> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return importFailure(fileName, decoded.error.code, decoded.error.reason);
  if (decoded.value.text.trim() === '') {
    return importFailure(fileName, 'empty', 'the file contains only whitespace');
  }
  return decoded;
}

export interface DecodeProblem {
  code: 'binary' | 'undecodable';
  reason: string;
}

/** The text and the encoding it was read as, or why the bytes are not readable text. */
export function decodeBytes(bytes: Uint8Array): Result<DecodedText, DecodeProblem> {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return problem('undecodable', 'it is UTF-32 text, which is not supported; save it as UTF-8 and try again');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  if (bytes.includes(0)) {
    return problem('binary', 'it contains NUL bytes, so it looks like a binary file (or UTF-16 text without a byte-order mark)');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === null
      ? problem('undecodable', 'it starts with a UTF-8 byte-order mark but is not valid UTF-8')
      : decodedAs(text, 'utf-8-bom');
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return decodedAs(utf8, 'utf-8');

  // Bytes Windows-1252 leaves undefined point at another legacy encoding (Mac Roman, CP1251, …):
  // refuse rather than import mojibake with replacement characters.
  if (bytes.some((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte))) {
    return problem('undecodable', 'it is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and try again');
  }
  return decodedAs(iconv.decode(bytes, 'windows-1252'), 'windows-1252');
}

export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Result<DecodedText, DecodeProblem> {
  const text = body.length % 2 === 0 ? strictDecode(encoding, body) : null;
  if (text === null) return problem('undecodable', `it starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`);
  if (text.includes('\0')) return problem('binary', 'it contains NUL characters, so it looks like a binary file');
  return decodedAs(text, encoding);
}

/** The decoded string, or null when the bytes are not valid in that encoding. */
function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a U+FEFF that is content; the leading BOM has already been cut off.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function decodedAs(text: string, encoding: TextEncoding): Result<DecodedText, DecodeProblem> {
  return { ok: true, value: { text: normaliseNewlines(text), encoding } };
}

function problem(code: DecodeProblem['code'], reason: string): Result<never, DecodeProblem> {
  return { ok: false, error: { code, reason } };
}
