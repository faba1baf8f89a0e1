/**
 * Article import: one entry per file type, after the rules every file shares (DESIGN §3).
 * Text formats also pass decodeArticleBytes (binary, undecodable, whitespace-only).
 */
import type { ImportedArticle } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { importFailure } from './decode';
import { fileExtension, importTextFile } from './text';

const MEGABYTE = 1024 * 1024;
export const MAX_IMPORT_BYTES = 20 * MEGABYTE;

type Importer = (fileName: string, bytes: Uint8Array) => Result<ImportedArticle> | Promise<Result<ImportedArticle>>;

/** Lower-case extension → importer. Later formats (html, docx, pdf) add a row here. */
const IMPORTERS: ReadonlyMap<string, Importer> = new Map([
  ['.txt', importTextFile],
  ['.md', importTextFile],
  ['.markdown', importTextFile]
]);

export const SUPPORTED_EXTENSIONS: readonly string[] = [...IMPORTERS.keys()];

export async function importArticle(fileName: string, bytes: Uint8Array): Promise<Result<ImportedArticle>> {
  if (bytes.length === 0) return importFailure(fileName, 'empty', 'the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) {
    const size = (bytes.length / MEGABYTE).toFixed(1);
    return importFailure(fileName, 'too_large', `the file (${size} MB) is larger than the ${MAX_IMPORT_BYTES / MEGABYTE} MB import limit`);
  }
  const extension = fileExtension(fileName);
  const importer = IMPORTERS.get(extension);
  if (!importer) {
    const type = extension ? `"${extension}" files are` : 'files without an extension are';
    return importFailure(fileName, 'unsupported', `${type} not supported (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  return importer(fileName, bytes);
}
