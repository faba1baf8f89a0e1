/** Limits for reading untrusted annotation files. */
import { MAX_ANNOTATION_FILE_BYTES } from '../../shared/api/file-limits';

/** Largest annotation file read or written. */
export const MAX_FILE_BYTES = MAX_ANNOTATION_FILE_BYTES;
/** Most records (entities, mentions, claims, evidence, reviews, deletions) in one file. */
export const MAX_RECORDS = 100_000;
/** Most history entries in one file (the byte limit bounds them first in practice). */
export const MAX_HISTORY_ENTRIES = 1_000_000;
/** Deepest nesting of arrays and objects; the format itself needs fewer than 12 levels. */
export const MAX_DEPTH = 64;
/** Exchanged ancestors listed per record, newest first. */
export const MAX_BASE_REVISIONS = 16;
