/**
 * Checks a Word document's zip archive before mammoth unpacks it. mammoth (through JSZip) inflates
 * each part whole into memory and only then compares its size with the one declared, so a part
 * that declares or inflates to gigabytes would exhaust memory first. Here the central directory is
 * read, the declared sizes are summed, and every XML part is inflated with a hard output limit (so
 * a part that lies about its size is stopped at the limit) and checked for runaway nesting, which
 * would overflow mammoth's recursive reader. Parts mammoth never reads (images) are not unpacked.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_DOCX_ENTRIES, MAX_DOCX_XML_BYTES, MAX_DOCX_XML_DEPTH, megabytes } from './limits';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;
const XML_PART = /\.(?:xml|rels)$/i;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** Why the archive is refused (a reason for the import message), or null when mammoth may read it. */
export function docxArchiveProblem(zip: Buffer): { code: 'too_large' | 'corrupt'; reason: string } | null {
  const entries = readDirectory(zip);
  if (typeof entries === 'string') return { code: 'corrupt', reason: entries };
  if (entries.length > MAX_DOCX_ENTRIES) {
    return { code: 'too_large', reason: `its archive holds ${count(entries.length)} parts, more than the ${count(MAX_DOCX_ENTRIES)} a Word article could need` };
  }
  const parts = entries.filter((entry) => XML_PART.test(entry.name));
  const declared = parts.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_DOCX_XML_BYTES) return tooMuch(`its text and markup declare ${megabytes(declared)}`);
  let left = MAX_DOCX_XML_BYTES;
  for (const part of parts) {
    const xml = unpack(zip, part, left);
    if (xml === 'too_large') return tooMuch(`"${part.name}" unpacks to more than it declares`);
    if (typeof xml === 'string') return { code: 'corrupt', reason: xml };
    left -= xml.length;
    if (xmlDepthExceeds(xml, MAX_DOCX_XML_DEPTH)) {
      return { code: 'too_large', reason: `"${part.name}" nests its elements more than ${MAX_DOCX_XML_DEPTH} levels deep, far deeper than any real document` };
    }
  }
  return null;
}

const count = (n: number) => n.toLocaleString('en');

const tooMuch = (what: string) => ({
  code: 'too_large' as const,
  reason: `${what}, more than the ${megabytes(MAX_DOCX_XML_BYTES)} a Word article may unpack to (it may be a zip bomb)`
});

function readDirectory(zip: Buffer): ZipEntry[] | string {
  const end = findEndRecord(zip);
  if (end < 0) return 'it is damaged or truncated (the end of its zip archive is missing)';
  const total = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (total === 0xffff || offset === 0xffffffff) return 'its zip archive uses the zip64 extension, which no Word article needs';
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < total; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return 'it is damaged (its zip directory is broken)';
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      headerOffset: zip.readUInt32LE(at + 42)
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndRecord(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - END_SEARCH); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** The part's bytes, 'too_large' past `limit`, or why it cannot be unpacked. */
function unpack(zip: Buffer, entry: ZipEntry, limit: number): Buffer | 'too_large' | string {
  const damaged = `it is damaged ("${entry.name}" cannot be unpacked)`;
  const at = entry.headerOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return damaged;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return data.length > limit ? 'too_large' : data;
  if (entry.method !== DEFLATED) return `"${entry.name}" is packed with a compression method Word does not use`;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(limit, 1) });
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : damaged;
  }
}

/** Whether elements nest deeper than `limit` (start tags minus end tags; self-closing tags do not nest). */
function xmlDepthExceeds(xml: Buffer, limit: number): boolean {
  const LESS = 0x3c;
  const GREATER = 0x3e;
  const SLASH = 0x2f;
  let depth = 0;
  for (let at = xml.indexOf(LESS); at >= 0; at = xml.indexOf(LESS, at + 1)) {
    const next = xml[at + 1];
    if (next === SLASH) {
      depth--;
      continue;
    }
    // Declarations, comments and processing instructions (<?, <!) open nothing.
    if (next === 0x3f || next === 0x21) continue;
    const close = xml.indexOf(GREATER, at);
    if (close < 0) break;
    if (xml[close - 1] !== SLASH && ++depth > limit) return true;
    at = close;
  }
  return false;
}
