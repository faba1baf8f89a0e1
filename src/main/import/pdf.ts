/**
 * PDF articles through pdf.js (the legacy build, which runs under Node). Only the text layer is
 * read: no page is rendered, no font is installed, no code is evaluated, nothing is fetched (the
 * character maps and standard font data pdf.js may need are read from its own package). A
 * password, a missing text layer (a scan) or a damaged file is refused with a clear reason.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerbosityLevel, getDocument, pdfjsWorker } from '../pdfjs';
import type { ImportedArticle } from '../../shared/domain';
import { ok, type Result } from '../../shared/result';
import { assembleBlocks } from './block-text';
import { importFailure } from './failure';
import type { ImportOptions } from './importer';
import { MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES, megabytes } from './limits';
import { declaredPageCount, flateExceeds, pdfText } from './pdf-streams';
import { type PdfPageText, type PdfTextRun, pdfBlocks } from './pdf-layout';
import { pickTitle } from './title';

// pdf.js parses in a "worker"; under Node it runs that code in this thread. Handing it the module
// here means it never loads a script by path (which would break once bundled).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The spec lets the header sit anywhere in the first 1024 bytes, and the end marker in the last 1024. */
const MARKER_WINDOW = 1024;

const NO_TEXT_LAYER = 'this PDF has no text layer; OCR is not supported';

/** Document titles that are really file names or tool defaults, not the article's title. */
const NOT_A_TITLE = /^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|odt|rtf|tex|indd|pptx?|txt))$/i;
/** A publisher's or typesetter's identifier ("sag-39-3-4-0902-21:sag-0", "10.1000/xyz123"): one word holding a digit. */
const IDENTIFIER = /^\S*\d\S*$/;

export async function importPdf(
  fileName: string,
  bytes: Uint8Array,
  { onProgress }: ImportOptions
): Promise<Result<ImportedArticle>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (!buffer.subarray(0, MARKER_WINDOW).includes('%PDF-')) {
    return importFailure(fileName, 'corrupt', 'it is not a PDF file (it does not start with "%PDF-")');
  }
  if (!buffer.subarray(-MARKER_WINDOW).includes('%%EOF')) {
    return importFailure(fileName, 'corrupt', 'it is truncated (its end-of-file marker is missing); copy or download it again');
  }

  onProgress?.(0.01, 'Checking the PDF');
  const text = pdfText(buffer);
  const declaredPages = declaredPageCount(text);
  if (declaredPages > MAX_PDF_PAGES) return tooManyPages(fileName, declaredPages);
  if (await flateExceeds(buffer, text)) {
    return importFailure(
      fileName,
      'too_large',
      `its compressed content unpacks to more than ${megabytes(MAX_PDF_INFLATED_BYTES)}, far more than any article (it may be a decompression bomb)`
    );
  }

  onProgress?.(0.02, 'Opening the PDF');
  const task = getDocument({
    // A copy, as a plain Uint8Array: pdf.js refuses Buffers and may detach what it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    verbosity: VerbosityLevel.ERRORS
  });
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PDF_PAGES) return tooManyPages(fileName, pdf.numPages);
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      onProgress?.(0.05 + (0.9 * (number - 1)) / pdf.numPages, `Reading page ${number} of ${pdf.numPages}`);
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const [, bottom, , top] = page.view;
      pages.push({ page: number, bottom, top, runs: content.items.flatMap((item) => ('str' in item ? [textRun(item)] : [])) });
      page.cleanup();
    }
    if (pages.every((page) => page.runs.every((run) => run.text.trim() === ''))) {
      return importFailure(fileName, 'no_text', NO_TEXT_LAYER);
    }

    onProgress?.(0.95, 'Collecting paragraphs');
    const { text, blocks } = assembleBlocks(pdfBlocks(pages));
    if (text === '') return importFailure(fileName, 'no_text', NO_TEXT_LAYER);
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as { Title?: unknown; Author?: unknown };
    const metaTitle = typeof info.Title === 'string' && isTitle(info.Title.trim()) ? info.Title : null;
    const author = typeof info.Author === 'string' ? info.Author.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
    const heading = blocks.find((block) => block.kind === 'heading');
    return ok({
      title: pickTitle(
        [metaTitle, heading && text.slice(heading.start, heading.end), text.slice(blocks[0].start, blocks[0].end)],
        fileName
      ),
      text,
      blocks,
      source: { fileName, ...(author ? { author } : {}) },
      format: 'pdf'
    });
  } catch (error) {
    return openFailure(fileName, error);
  } finally {
    await task.destroy();
  }
}

const isTitle = (text: string): boolean => !NOT_A_TITLE.test(text) && !IDENTIFIER.test(text);

function tooManyPages(fileName: string, pages: number): Result<never> {
  const count = (n: number) => n.toLocaleString('en');
  return importFailure(fileName, 'too_large', `it has ${count(pages)} pages, more than the ${count(MAX_PDF_PAGES)} an article import reads`);
}

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir: string;
}

function textRun(item: PdfJsTextItem): PdfTextRun {
  const [, , c, d, x, y] = item.transform;
  return { text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) || item.height, rtl: item.dir === 'rtl' };
}

function openFailure(fileName: string, error: unknown): Result<never> {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return importFailure(
      fileName,
      'encrypted',
      'it is password-protected; open it in a PDF viewer, save a copy without the password and import that'
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return importFailure(fileName, 'corrupt', `it is damaged and cannot be read (${message.replace(/[.\s]+$/, '')})`);
}
