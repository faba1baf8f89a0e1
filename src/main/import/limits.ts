/**
 * What one article import may cost. A file within the upload limit can still unpack to gigabytes
 * (a zip bomb, a Flate bomb) or hold more pages than any article: these bounds refuse it with a
 * clear reason long before memory or time run out. Together they keep any import of a file up to
 * the upload limit under 15 s and 1 GB.
 */

/** Wall-clock time a parse may take before its worker is stopped. */
export const IMPORT_TIME_LIMIT_MS = 12_000;

/** The JavaScript heap of one import worker (buffers are bounded by the unpacking limits below). */
export const WORKER_HEAP_MB = 512;

/** Bytes the XML parts of a Word document may unpack to (a 300-page book is under 10 MB). */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

/** Entries in a Word document's zip archive. */
export const MAX_DOCX_ENTRIES = 10_000;

/** Deepest nesting of XML elements in a Word document part (real documents stay below 30). */
export const MAX_DOCX_XML_DEPTH = 256;

/** Bytes a PDF's compressed streams (other than images, which are never decoded) may unpack to. */
export const MAX_PDF_INFLATED_BYTES = 128 * 1024 * 1024;

/** Pages read from one PDF. */
export const MAX_PDF_PAGES = 2_000;

const MEGABYTE = 1024 * 1024;

/** "32 MB", for messages. */
export const megabytes = (bytes: number) => `${Math.round(bytes / MEGABYTE).toLocaleString('en')} MB`;
