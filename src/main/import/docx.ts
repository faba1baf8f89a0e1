/**
 * Word documents (.docx) through mammoth, which turns the document into plain semantic HTML:
 * headings (Heading 1–6, Title, Subtitle), paragraphs, lists, block quotes (Quote styles),
 * tables (one block per row, cells joined by " | "), then footnotes and endnotes, each its own
 * `footnote` block that starts with the marker the body shows ("[1] …"). Spaces and tabs are kept
 * as Word shows them (mammoth copies them into its HTML): a run of spaces may be a masked name.
 * Images are ignored and mammoth reads no file outside the document.
 */
import mammoth from 'mammoth';
import type { ImportedArticle } from '../../shared/domain';
import { ok, type Result } from '../../shared/result';
import { assembleBlocks } from './block-text';
import { type DomDocument, parseDom } from './dom';
import { blockDrafts } from './dom-blocks';
import { docxArchiveProblem } from './docx-archive';
import { importFailure } from './failure';
import type { ImportOptions } from './importer';
import { pickTitle } from './title';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh"
];

const NOTE_ITEM = /^(?:foot|end)note-\d+$/;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Word 97–2003 files, and password-protected Office files of any age, are OLE2 compound files. */
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted Office file keeps its key data in, as its UTF-16 directory entry spells it. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export async function importDocx(fileName: string, bytes: Uint8Array, { onProgress }: ImportOptions): Promise<Result<ImportedArticle>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (startsWith(buffer, OLE2_SIGNATURE)) {
    return buffer.includes(ENCRYPTION_INFO)
      ? importFailure(fileName, 'encrypted', 'it is password-protected; remove the password in Word and try again')
      : importFailure(fileName, 'unsupported', 'it is an old Word 97–2003 document; save it as .docx in Word and try again');
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) {
    return importFailure(fileName, 'corrupt', 'it is not a Word document (a .docx file is a zip archive, and this file is not one)');
  }

  onProgress?.(0.05, 'Checking the Word document');
  const problem = docxArchiveProblem(buffer);
  if (problem) return importFailure(fileName, problem.code, problem.reason);

  onProgress?.(0.1, 'Reading the Word document');
  let html: string;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' }))
      }
    );
    html = converted.value;
  } catch (error) {
    if (error instanceof RangeError) {
      return importFailure(fileName, 'too_large', 'its content is nested too deeply to read');
    }
    const message = error instanceof Error ? error.message : String(error);
    return /main document part/i.test(message)
      ? importFailure(fileName, 'corrupt', 'it is a zip archive but not a Word document (it has no word/document.xml)')
      : importFailure(fileName, 'corrupt', `it is damaged or truncated (${message.replace(/[.\s]+$/, '')})`);
  }

  onProgress?.(0.8, 'Collecting paragraphs');
  const document = parseDom(`<!DOCTYPE html><html><body>${html}</body></html>`);
  numberNotes(document);
  const { text, blocks } = assembleBlocks(
    blockDrafts(document.body ?? document.documentElement, {
      keepWhiteSpace: true,
      kindOf: (element) => (NOTE_ITEM.test(element.getAttribute('id') ?? '') ? 'footnote' : undefined)
    })
  );
  if (text === '') return importFailure(fileName, 'empty', 'the document has no text');
  const heading = blocks.find((block) => block.kind === 'heading');
  return ok({
    title: pickTitle(
      [heading && text.slice(heading.start, heading.end), text.slice(blocks[0].start, blocks[0].end).split('\n')[0]],
      fileName
    ),
    text,
    blocks,
    source: { fileName },
    format: 'docx'
  });
}

/**
 * Starts each footnote and endnote with the marker its reference shows in the body ("[1]") and
 * drops mammoth's "↑" links back to the reference.
 */
function numberNotes(document: DomDocument): void {
  const markers = new Map<string, string>();
  for (const reference of Array.from(document.querySelectorAll('a[id^="footnote-ref-"], a[id^="endnote-ref-"]'))) {
    markers.set(reference.getAttribute('href') ?? '', (reference.textContent ?? '').trim());
  }
  for (const backLink of Array.from(document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) {
    backLink.remove();
  }
  for (const note of Array.from(document.querySelectorAll('li[id]'))) {
    const id = note.getAttribute('id') ?? '';
    const marker = markers.get(`#${id}`);
    if (!NOTE_ITEM.test(id) || !marker) continue;
    // Word's notes usually start with the space that follows the note mark; it then separates the marker.
    const first = note.querySelector('p') ?? note;
    first.prepend(/^[ \t]/.test(first.textContent ?? '') ? marker : `${marker} `);
  }
}

function startsWith(buffer: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => buffer[i] === byte);
}
