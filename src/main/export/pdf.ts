/**
 * The PDF fact sheet is the HTML sheet printed by a browser engine. Who prints is a dependency:
 * Electron's webContents.printToPDF in the app, headless Chromium (chromium.ts) in browser mode
 * and the CLI, so both paths print the very same HTML. The claims' signed approvals are then
 * added to the PDF's document information (pdf-approvals.ts), the same for every printer.
 */
import type { FactSheet } from './fact-sheet';
import { renderHtml } from './html';
import { PdfLayoutError, withApprovals } from './pdf-approvals';
import { approvalToken } from './signed-approval';

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

/** Prints a sheet's HTML and adds its claims' approval tokens, in sheet order (none: the PDF as printed). */
export async function signedPdf(html: string, approvals: readonly string[], printToPdf: PrintToPdf): Promise<Uint8Array> {
  const pdf = await printHtmlToPdf(html, printToPdf);
  if (approvals.length === 0) return pdf;
  try {
    return withApprovals(pdf, approvals);
  } catch (error) {
    if (error instanceof PdfLayoutError) throw new PdfPrinterError(`Cannot add the signed approvals to the PDF: ${error.message}.`);
    throw error;
  }
}

export const renderPdf = (sheet: FactSheet, printToPdf: PrintToPdf) =>
  signedPdf(renderHtml(sheet), sheet.claims.map((claim) => approvalToken(claim.approval)), printToPdf);
