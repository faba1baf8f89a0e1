/**
 * Checks on a PDF's raw bytes before pdf.js reads it. pdf.js walks a huge page tree for many
 * seconds before it can say how many pages there are, so the count the page tree declares is read
 * here first. And pdf.js inflates a stream whole into memory, however large, so a small file with
 * a Flate bomb (gigabytes of zeros compressed a thousandfold) would exhaust memory: every Flate
 * stream pdf.js may decode for the text layer (content streams, fonts, object streams) is inflated
 * here in a stream, counting the bytes and keeping none, against one budget for the whole file.
 * Image streams are skipped: the text layer never decodes them.
 */
import { createInflate, constants } from 'node:zlib';
import { MAX_PDF_INFLATED_BYTES } from './limits';

const STREAM = /(?<!end)stream\r?\n/g;
/** How far back from `stream` the stream's dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

const PAGE_COUNT = /\/Count\s+(\d+)/g;
/** Read in steps this large: each step is one event, and the output is counted, never kept. */
const INFLATE_CHUNK = 1024 * 1024;

/**
 * The PDF as text for the scans below: latin1 maps each byte to one character, so string offsets
 * are byte offsets.
 */
export const pdfText = (pdf: Buffer) => pdf.toString('latin1');

/**
 * The page count the largest page-tree node declares (the root's /Count), or 0 when none is
 * visible (a page tree inside compressed object streams is counted by pdf.js instead).
 */
export function declaredPageCount(text: string): number {
  let pages = 0;
  for (const match of text.matchAll(PAGE_COUNT)) {
    const count = Number(match[1]);
    if (count <= pages) continue;
    const start = text.lastIndexOf(' obj', match.index);
    const end = text.indexOf('endobj', match.index);
    if (/\/Type\s*\/Pages\b/.test(text.slice(start, end < 0 ? undefined : end))) pages = count;
  }
  return pages;
}

/** Whether the Flate streams of the PDF unpack to more than `limit` bytes in all. */
export async function flateExceeds(pdf: Buffer, text: string, limit = MAX_PDF_INFLATED_BYTES): Promise<boolean> {
  let left = limit;
  for (let match = STREAM.exec(text); match; match = STREAM.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    STREAM.lastIndex = end;
    if (!decodedForText(dictionaryBefore(text, match.index))) continue;
    const size = await inflatedSize(pdf.subarray(start, end), left);
    if (size > left) return true;
    left -= size;
  }
  return false;
}

function dictionaryBefore(text: string, streamAt: number): string {
  const from = Math.max(0, streamAt - DICTIONARY_WINDOW);
  const object = text.lastIndexOf('obj', streamAt);
  return text.slice(Math.max(from, object), streamAt);
}

/** A Flate-compressed stream that is not an image. */
function decodedForText(dictionary: string): boolean {
  return /\/(?:FlateDecode|Fl)\b/.test(dictionary) && !/\/Subtype\s*\/Image\b/.test(dictionary);
}

/**
 * Bytes the zlib data inflates to, counted up to just past `limit`; data that is not zlib (or is
 * damaged) counts what came out before the damage, as pdf.js would keep only that.
 */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((done) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: INFLATE_CHUNK });
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        done(size);
      }
    });
    inflate.on('end', () => done(size));
    inflate.on('error', () => done(size));
    inflate.on('close', () => done(size));
    inflate.end(data);
  });
}
