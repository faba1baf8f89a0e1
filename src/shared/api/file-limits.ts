/**
 * Size limits of the files the API reads and writes. Kept apart from the method schemas (which
 * bring the schema library) so the renderer, the CLI and the start script can check a file before
 * sending it without loading them.
 */

/** Largest article file imported. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Largest sheet file export.verifySheet reads. */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;
/** Largest annotation file (`*.factdesk.json`) read or written. */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;
/** Largest brat .txt or .ann file. */
export const MAX_BRAT_FILE_BYTES = 20 * 1024 * 1024;

/** A size in MB with one decimal, as the refusals of these limits show it ("20.0"). */
export const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** The one wording every refused article import uses, in every path (window, menu, CLI, API). */
export const cannotImport = (fileName: string, reason: string) => `Cannot import "${fileName}": ${reason}.`;

/** Why an article over the import limit is refused; checked before the file is read. */
export const importTooLarge = (bytes: number) => `the file (${megabytes(bytes)} MB) is larger than the ${MAX_IMPORT_BYTES / (1024 * 1024)} MB import limit`;

/** Bytes a base64 string decodes to (without decoding it). */
export const base64Bytes = (base64: string) => Math.floor((base64.length * 3) / 4) - (/==$/.test(base64) ? 2 : /=$/.test(base64) ? 1 : 0);

/** Why a file over its limit is refused: its size, the limit, and what the limit is for ("annotation files"). */
export const overLimit = (bytes: number, limit: number, what: string) =>
  `the file (${megabytes(bytes)} MB) is larger than the ${megabytes(limit)} MB limit for ${what}`;

/** Why an annotation file over its limit is refused. */
export const annotationFileTooLarge = (bytes: number) => overLimit(bytes, MAX_ANNOTATION_FILE_BYTES, 'annotation files');
