/**
 * Article import: one entry per file type, after the rules every file shares.
 * Text formats also pass decodeArticleBytes (binary, undecodable, whitespace-only); the binary
 * formats (.docx, .pdf) check their own structure instead. The HTML, Word and PDF importers load
 * their parsers on first use.
 */
import { MAX_IMPORT_BYTES, importTooLarge } from '../../shared/api/file-limits';
import type { ImportedArticle } from '../../shared/domain';
import { ok, type Result } from '../../shared/result';
import { importFailure } from './failure';
import { fileExtension } from './file-name';
import type { ImportOptions, Importer } from './importer';
import { importTextFile } from './text';

const importHtml: Importer = async (...args) => (await import('./html')).importHtml(...args);
const importDocx: Importer = async (...args) => (await import('./docx')).importDocx(...args);
const importPdf: Importer = async (...args) => (await import('./pdf')).importPdf(...args);

/** Lower-case extension → importer. */
const IMPORTERS: ReadonlyMap<string, Importer> = new Map([
  ['.txt', importTextFile],
  ['.md', importTextFile],
  ['.markdown', importTextFile],
  ['.html', importHtml],
  ['.htm', importHtml],
  ['.xhtml', importHtml],
  ['.docx', importDocx],
  ['.pdf', importPdf]
]);

export const SUPPORTED_EXTENSIONS: readonly string[] = [...IMPORTERS.keys()];

/** The rules checked before a file is parsed: not empty, not over the size limit, a supported type. */
export function checkImportable(fileName: string, bytes: Uint8Array): Result<Importer> {
  if (bytes.length === 0) return importFailure(fileName, 'empty', 'the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) return importFailure(fileName, 'too_large', importTooLarge(bytes.length));
  const extension = fileExtension(fileName);
  const importer = IMPORTERS.get(extension);
  if (!importer) {
    const type = extension ? `"${extension}" files are` : 'files without an extension are';
    return importFailure(fileName, 'unsupported', `${type} not supported (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  return ok(importer);
}

export async function importArticle(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {}
): Promise<Result<ImportedArticle>> {
  const importer = checkImportable(fileName, bytes);
  if (!importer.ok) return importer;
  return importer.value(fileName, bytes, options);
}

