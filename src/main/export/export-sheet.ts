/** One entry point for every fact-sheet format: the model in, a named file out. */
import type { FactSheetFormat } from '../../shared/api/methods/export';
import { renderClaimReview } from './claimreview';
import { renderCsv } from './csv';
import type { FactSheet } from './fact-sheet';
import { sheetFileName } from './file-name';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { type PrintToPdf, renderPdf } from './pdf';

export interface RenderedSheet {
  fileName: string;
  mimeType: string;
  /** Text for html, md, csv and claimreview; bytes for pdf. */
  content: string | Uint8Array;
  warnings: string[];
}

const MIME_TYPES: Record<FactSheetFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  claimreview: 'application/ld+json',
  pdf: 'application/pdf'
};

export async function renderSheet(sheet: FactSheet, format: FactSheetFormat, printToPdf: PrintToPdf): Promise<RenderedSheet> {
  const file = { fileName: sheetFileName(sheet.document.title, format), mimeType: MIME_TYPES[format] };
  switch (format) {
    case 'html':
      return { ...file, content: renderHtml(sheet), warnings: [] };
    case 'md':
      return { ...file, content: renderMarkdown(sheet), warnings: [] };
    case 'csv':
      return { ...file, content: renderCsv(sheet), warnings: [] };
    case 'claimreview': {
      const { text, warnings } = renderClaimReview(sheet);
      return { ...file, content: text, warnings };
    }
    case 'pdf':
      return { ...file, content: await renderPdf(sheet, printToPdf), warnings: [] };
  }
}
