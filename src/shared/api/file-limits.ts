/**
 * Size limits of the files the exchange API reads and writes. Kept apart from the method schemas
 * (which bring the schema library) so the renderer can check a file before sending it without loading them.
 */

/** Largest annotation file (`*.factdesk.json`) read or written. */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;
/** Largest brat .txt or .ann file. */
export const MAX_BRAT_FILE_BYTES = 20 * 1024 * 1024;
