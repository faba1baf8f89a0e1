import type { FactSheetFormat } from '../../shared/api/methods/export';
import { titleSlug } from '../../shared/text/file-slug';

const EXTENSIONS: Record<FactSheetFormat, string> = {
  html: 'html',
  pdf: 'pdf',
  md: 'md',
  csv: 'csv',
  claimreview: 'claimreview.json'
};

/** A suggested file name that is safe on every platform: the title's slug, "-fact-sheet" and the extension. */
export function sheetFileName(title: string, format: FactSheetFormat): string {
  const slug = titleSlug(title);
  return `${slug ? `${slug}-` : ''}fact-sheet.${EXTENSIONS[format]}`;
}
