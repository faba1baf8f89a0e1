/**
 * Bytes of a saved web page → text. A byte-order mark decides first, then the charset the page
 * declares (<meta charset>, <meta http-equiv="Content-Type">, or an XML declaration), read the
 * way browsers read it; without either, the text-file rules apply (UTF-8, else Windows-1252).
 */
import iconv from 'iconv-lite';
import type { Result } from '../../shared/result';
import { decodeArticleBytes, normaliseNewlines } from './decode';
import { importFailure } from './failure';

/** How far into the file the declaration is looked for (browsers look at 1024 bytes; saved pages may put comments first). */
const PRESCAN_BYTES = 4096;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)/i;

/** Labels browsers read as another encoding (WHATWG Encoding Standard): the superset wins. */
const BROWSER_ENCODING: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-user-defined': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  // A page cannot declare UTF-16 in its own markup: browsers read such a declaration as UTF-8.
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8'
};

export function decodeHtml(fileName: string, bytes: Uint8Array): Result<string> {
  const charset = hasByteOrderMark(bytes) ? null : declaredCharset(bytes);
  if (charset === null || charset === 'utf-8') {
    const decoded = decodeArticleBytes(fileName, bytes);
    return decoded.ok ? { ok: true, value: decoded.value.text } : decoded;
  }
  if (bytes.includes(0)) {
    return importFailure(fileName, 'binary', 'it contains NUL bytes, so it looks like a binary file, not a web page');
  }
  const text = normaliseNewlines(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset));
  if (text.trim() === '') return importFailure(fileName, 'empty', 'the file contains only whitespace');
  return { ok: true, value: text };
}

/** The encoding the page declares, as iconv-lite names it; null when it declares none iconv-lite knows. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const label = (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1].toLowerCase();
  if (!label) return null;
  const encoding = BROWSER_ENCODING[label] ?? label;
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(encoding)) return 'utf-8';
  return iconv.encodingExists(encoding) ? encoding : null;
}

function hasByteOrderMark(bytes: Uint8Array): boolean {
  const [a, b, c] = bytes;
  return (a === 0xef && b === 0xbb && c === 0xbf) || (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}
