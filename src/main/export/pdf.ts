/**
 * The PDF fact sheet is the HTML sheet printed by a browser engine. Who prints is a dependency:
 * Electron's webContents.printToPDF in the app, headless Chromium (chromium.ts) in browser mode
 * and the CLI, so both paths print the very same HTML.
 */
import type { FactSheet } from './fact-sheet';
import { renderHtml } from './html';

/** Prints a self-contained HTML page to PDF bytes. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/** Printing failed in a way the user can act on (no Chromium, a timeout, …); the message says how. */
export class PdfPrinterError extends Error {}

const PDF_MAGIC = '%PDF-';

/** Prints the HTML and checks that what came back is a PDF. */
export async function printHtmlToPdf(html: string, printToPdf: PrintToPdf): Promise<Uint8Array> {
  const pdf = await printToPdf(html);
  if (Buffer.from(pdf.subarray(0, PDF_MAGIC.length)).toString('latin1') !== PDF_MAGIC) {
    throw new PdfPrinterError('Cannot print the PDF: the printer returned something that is not a PDF.');
  }
  return pdf;
}

export const renderPdf = (sheet: FactSheet, printToPdf: PrintToPdf) => printHtmlToPdf(renderHtml(sheet), printToPdf);
