/**
 * Hostile import files built in the test, byte by byte: zip bombs dressed as Word documents, a
 * Flate bomb PDF, a PDF with a huge page count. Nothing here is committed as a fixture.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { zip } from '../../fixtures/tools/zip.mjs';

const MEGABYTE = 1024 * 1024;

/**
 * Raw deflate data for `megabytes` MB of one repeated byte, built from one compressed megabyte
 * repeated: a full flush ends each copy on a byte boundary with no reference to the one before.
 */
export function deflatedRun(megabytes: number, byte = 0x20): Buffer {
  const block = deflateRawSync(Buffer.alloc(MEGABYTE, byte), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), last]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word document whose body is the given WordprocessingML (or whose document part is the given deflated data). */
export function wordDocument(body: string | { data: Buffer; declaredSize: number }): Buffer {
  const document =
    typeof body === 'string'
      ? `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`
      : { deflated: body.data, declaredSize: body.declaredSize };
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['word/document.xml', document]
  ]);
}

export const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/**
 * A PDF written by hand: `pages` page objects sharing one content stream (given as raw stream data
 * with its filter), a Helvetica font, a correct cross-reference table.
 */
export function handWrittenPdf(pages: number, content: { data: Buffer; filter?: string }): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string | Buffer[]) => {
    offsets[id] = length;
    add(`${id} 0 obj\n`);
    for (const part of typeof body === 'string' ? [body] : body) add(part);
    add('\nendobj\n');
  };
  const FIRST_PAGE = 5;
  add('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  const kids = Array.from({ length: pages }, (_, i) => `${FIRST_PAGE + i} 0 R`).join(' ');
  object(2, `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  const filter = content.filter ? ` /Filter /${content.filter}` : '';
  object(3, [Buffer.from(`<< /Length ${content.data.length}${filter} >>\nstream\n`, 'latin1'), content.data, Buffer.from('\nendstream', 'latin1')]);
  object(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    object(FIRST_PAGE + i, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
  }
  const count = FIRST_PAGE + pages;
  const xref = length;
  add(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) add(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** A page's text drawn in Helvetica. */
export const pageText = (text: string) => Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, 'latin1');

/** A zlib stream (as PDF's FlateDecode holds) of `megabytes` MB of spaces after the page text, with no checksum. */
export function flateBomb(megabytes: number): Buffer {
  const text = deflateRawSync(pageText('A page of text before a gigabyte of spaces.'), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([Buffer.from([0x78, 0xda]), text, deflatedRun(megabytes)]);
}
