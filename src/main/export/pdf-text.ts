/** The text layer of a PDF (pdfjs-dist), page by page, line breaks where the PDF ends a line. */
import { getDocument, VerbosityLevel } from '../pdfjs';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

/** Each page's text, in page order. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return (await pdfContent(bytes)).pages;
}

/** Each page's text and the document information dictionary (custom entries under `Custom`). */
export async function pdfContent(bytes: Uint8Array): Promise<{ pages: string[]; info: unknown }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return { pages, info: (await pdf.getMetadata()).info };
  } finally {
    await pdf.destroy();
  }
}
