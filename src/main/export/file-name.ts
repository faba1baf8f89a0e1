import type { FactSheetFormat } from '../../shared/api/methods/export';

const EXTENSIONS: Record<FactSheetFormat, string> = {
  html: 'html',
  pdf: 'pdf',
  md: 'md',
  csv: 'csv',
  claimreview: 'claimreview.json'
};

/**
 * A suggested file name that is safe on every platform: letters, marks and digits of the title (any
 * script), joined by hyphens, at most 60 characters, then "-fact-sheet" and the extension.
 */
export function sheetFileName(title: string, format: FactSheetFormat): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, 60).join('').replace(/-+$/, '');
  return `${cut ? `${cut}-` : ''}fact-sheet.${EXTENSIONS[format]}`;
}
