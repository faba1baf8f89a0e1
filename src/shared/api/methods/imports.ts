/**
 * Article import jobs: parsing runs off the main thread with progress and a working
 * cancel; the document is stored only after a successful parse.
 */
import { z } from 'zod';
import type { AppError } from '../../result';
import type { ImportOutcome } from '../contract';
import { id, method, returns } from '../define';
import { UPLOADS, uploadInput } from '../uploads';

/**
 * How a saved web page becomes an article: `article` extracts it with Readability (refused with
 * code `no_article` when the page has none); `full-text` keeps all of the page's visible text.
 */
export const HTML_MODES = ['article', 'full-text'] as const;
export type HtmlMode = (typeof HTML_MODES)[number];

/** The input of documents.import and imports.start: one file's name and bytes. */
export const importFileInput = uploadInput(
  {
    fileName: z.string().trim().min(1).max(255),
    /** The file's bytes, base64-encoded. */
    dataBase64: z.string(),
    /** Only for .html/.htm/.xhtml files; defaults to `article`. */
    htmlMode: z.enum(HTML_MODES).optional()
  },
  UPLOADS.article
);

export const IMPORT_JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export interface ImportJobStatus {
  jobId: string;
  fileName: string;
  state: ImportJobState;
  /** 0..1; 1 once the job is done. */
  progress: number;
  /** What the job is doing, for the progress bar ("Reading page 3 of 40"). */
  stage: string;
  startedAt: string;
  finishedAt: string | null;
  /** Set when state is `done`. */
  outcome: ImportOutcome | null;
  /** Set when state is `failed` or `cancelled`; code `no_article` means: offer htmlMode `full-text`. */
  error: AppError | null;
}

const jobRef = z.strictObject({ jobId: id });

export const importMethods = {
  /** Starts parsing a file off the main thread; cheap refusals (empty, too large, unsupported type) come back at once. */
  'imports.start': method(importFileInput, returns<{ jobId: string; status: ImportJobStatus }>()),
  'imports.status': method(jobRef, returns<ImportJobStatus>()),
  /** Stops a running job (nothing is stored); a finished job is returned unchanged. */
  'imports.cancel': method(jobRef, returns<ImportJobStatus>()),
  /** Running jobs and those finished in the last minutes, oldest first. */
  'imports.list': method(z.strictObject({}), returns<ImportJobStatus[]>())
} as const;
