/** A long PDF for imports that must still be running while a test looks at them. */
import { writeFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Writes `pages` pages of text: pdf.js reads them one by one for a few seconds, long enough to cancel. */
export async function writeSlowPdf(path: string, pages = 400): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    const pdfPage = pdf.addPage([612, 792]);
    for (let line = 0; line < 45; line++) {
      pdfPage.drawText(`Page ${number}, line ${line + 1}: the audit office reviewed the barrier programme again.`, {
        x: 50,
        y: 740 - line * 15,
        size: 10,
        font
      });
    }
  }
  await writeFile(path, await pdf.save());
}
