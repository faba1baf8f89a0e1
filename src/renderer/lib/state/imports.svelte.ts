import type { ApiClient } from '../../../shared/api/client';
import type { ImportOutcome } from '../../../shared/api/contract';
import { MAX_IMPORT_BYTES, cannotImport, importTooLarge } from '../../../shared/api/file-limits';
import type { HtmlMode, ImportJobStatus } from '../../../shared/api/methods/imports';
import type { AppError } from '../../../shared/result';
import { readAsBase64 } from '../files';

/** How often running jobs are asked for their progress. */
const POLL_MS = 250;
/** How long the tray stays after every file imported, so the user sees it did (a failure stays until dismissed). */
const CLOSE_AFTER_SUCCESS_MS = 4000;

/** `reading`: the file is being read and sent; the other states are the import job's own. */
export type ImportRowState = 'reading' | ImportJobStatus['state'];

/** One file in the import tray. */
export interface ImportRow {
  key: number;
  fileName: string;
  /** Kept so a page without a readable article can be imported again as full text. */
  file: File;
  htmlMode: HtmlMode | undefined;
  state: ImportRowState;
  jobId: string | null;
  /** 0..1 */
  progress: number;
  stage: string;
  outcome: ImportOutcome | null;
  error: AppError | null;
  /** Cancel was pressed while the file was still being read or sent. */
  cancelRequested: boolean;
  /** The files imported together; a batch opens (at most) its first imported document, once all are finished. */
  batch: number;
}

/** What the tray asks of the rest of the window. */
export interface ImportHooks {
  /** Opens an imported document. */
  open(documentId: string): void;
  /** Where the user is (the URL hash): a batch opens its document only if the user has not moved on meanwhile. */
  location(): string;
  /** A document was stored or found: the library list is out of date. */
  imported(): void;
}

const finished = (state: ImportRowState) => state === 'done' || state === 'failed' || state === 'cancelled';

/**
 * The import tray: each file goes through an import job (imports.start), whose progress is polled
 * until it is done, failed or cancelled. Nothing is stored for a failed or cancelled job.
 */
export class Imports {
  #rows = $state<ImportRow[]>([]);
  /** The latest outcome in words, for screen readers. */
  #announcement = $state('');
  #running = $derived(this.#rows.filter((row) => !finished(row.state)).length);
  /** The rows are shown (the tray can fold down to its header); new imports unfold it. */
  #expanded = $state(true);

  #hooks: ImportHooks;
  #nextKey = 1;
  #nextBatch = 1;
  /** Per batch, where the user was when it started; dropped once the batch opened a document. */
  #batches = new Map<number, string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #api: ApiClient;

  constructor(api: ApiClient, hooks: ImportHooks) {
    this.#api = api;
    this.#hooks = hooks;
  }

  get rows() {
    return this.#rows;
  }

  get announcement() {
    return this.#announcement;
  }

  get running() {
    return this.#running;
  }

  get expanded() {
    return this.#expanded;
  }

  /** Folds the tray down to its header, or unfolds it. */
  setExpanded(expanded: boolean): void {
    this.#expanded = expanded;
  }

  /** Starts one import job per file; all of them run at once (the server queues the parsing). */
  start(files: File[], htmlMode?: HtmlMode): void {
    const batch = this.#newBatch();
    clearTimeout(this.#closeTimer);
    this.#expanded = true;
    for (const file of files) {
      this.#rows.push({
        key: this.#nextKey++,
        fileName: file.name,
        file,
        htmlMode,
        state: 'reading',
        jobId: null,
        progress: 0,
        stage: 'Reading the file',
        outcome: null,
        error: null,
        cancelRequested: false,
        batch
      });
      void this.#begin(this.#rows[this.#rows.length - 1]);
    }
  }

  /** A page without a readable article, imported again with all its visible text. */
  importFullText(row: ImportRow): void {
    if (row.error?.code !== 'no_article') return;
    Object.assign(row, {
      htmlMode: 'full-text',
      state: 'reading',
      jobId: null,
      progress: 0,
      stage: 'Reading the file',
      error: null,
      cancelRequested: false,
      batch: this.#newBatch()
    } satisfies Partial<ImportRow>);
    void this.#begin(row);
  }

  async cancel(row: ImportRow): Promise<void> {
    if (finished(row.state)) return;
    if (row.jobId === null) {
      // Still reading or sending: the job is cancelled as soon as it exists.
      row.cancelRequested = true;
      row.stage = 'Cancelling';
      return;
    }
    const result = await this.#api.call('imports.cancel', { jobId: row.jobId });
    if (result.ok) this.#apply(row, result.value);
    else this.#settle(row, 'failed', { error: result.error });
  }

  dismiss(row: ImportRow): void {
    if (!finished(row.state)) return;
    this.#rows = this.#rows.filter((other) => other.key !== row.key);
    this.#closeWhenAllImported();
  }

  /** Removes every finished row; running ones stay. */
  clearFinished(): void {
    this.#rows = this.#rows.filter((row) => !finished(row.state));
  }

  #newBatch(): number {
    const batch = this.#nextBatch++;
    this.#batches.set(batch, this.#hooks.location());
    return batch;
  }

  async #begin(row: ImportRow): Promise<void> {
    // Checked before reading: a huge file is refused at once, not after seconds of encoding.
    if (row.file.size > MAX_IMPORT_BYTES) {
      this.#settle(row, 'failed', { error: { code: 'too_large', message: cannotImport(row.fileName, importTooLarge(row.file.size)) } });
      return;
    }
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(row.file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.#settle(row, 'failed', { error: { code: 'internal', message: cannotImport(row.fileName, `the file could not be read (${reason})`) } });
      return;
    }
    if (row.cancelRequested) {
      this.#settle(row, 'cancelled', {});
      return;
    }
    row.stage = 'Sending the file';
    const input = { fileName: row.fileName, dataBase64, ...(row.htmlMode ? { htmlMode: row.htmlMode } : {}) };
    const result = await this.#api.call('imports.start', input);
    if (!result.ok) {
      this.#settle(row, 'failed', { error: result.error });
      return;
    }
    row.jobId = result.value.jobId;
    if (row.cancelRequested) {
      await this.cancel(row);
      return;
    }
    this.#apply(row, result.value.status);
    this.#schedulePoll();
  }

  /** A status from the server; a finished row never changes again (a late poll answer is ignored). */
  #apply(row: ImportRow, status: ImportJobStatus): void {
    if (finished(row.state) || row.jobId !== status.jobId) return;
    if (status.state === 'running') {
      row.state = 'running';
      row.progress = Math.max(row.progress, status.progress);
      row.stage = status.stage;
    } else {
      this.#settle(row, status.state, { outcome: status.outcome, error: status.error });
    }
  }

  #settle(row: ImportRow, state: 'done' | 'failed' | 'cancelled', fields: { outcome?: ImportOutcome | null; error?: AppError | null }): void {
    if (finished(row.state)) return;
    row.state = state;
    row.outcome = fields.outcome ?? null;
    row.error = fields.error ?? null;
    if (state === 'done') row.progress = 1;
    row.stage = '';
    const outcome = row.outcome;
    if (state === 'done' && outcome) {
      this.#announcement = `${row.fileName}: ${outcome.existing ? 'already in the library' : 'imported'}.`;
      this.#hooks.imported();
    } else if (state === 'failed') {
      this.#announcement = `${row.fileName}: import failed. ${row.error?.message ?? ''}`;
    } else if (state === 'cancelled') {
      this.#announcement = `${row.fileName}: import cancelled, nothing was stored.`;
    }
    this.#openWhenBatchDone(row.batch);
    if (this.#running === 0) this.#batches.clear();
    this.#closeWhenAllImported();
  }

  /** Once every file in the tray has imported, the tray closes itself so it no longer covers the document. */
  #closeWhenAllImported(): void {
    if (!this.#rows.every((row) => row.state === 'done')) return;
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => {
      if (this.#rows.every((row) => row.state === 'done')) this.#rows = [];
    }, CLOSE_AFTER_SUCCESS_MS);
  }

  /**
   * Once every file of a batch has finished, its first imported document opens — not while the
   * others still run — and only if the user is still where the batch started.
   */
  #openWhenBatchDone(batch: number): void {
    const startedAt = this.#batches.get(batch);
    const rows = this.#rows.filter((row) => row.batch === batch);
    if (startedAt === undefined || rows.some((row) => !finished(row.state))) return;
    this.#batches.delete(batch);
    const first = rows.find((row) => row.state === 'done')?.outcome;
    if (first && startedAt === this.#hooks.location()) this.#hooks.open(first.document.id);
  }

  #schedulePoll(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => void this.#poll(), POLL_MS);
  }

  async #poll(): Promise<void> {
    const polled = this.#rows.filter((row) => row.state === 'running' && row.jobId !== null);
    const answers = await Promise.all(polled.map((row) => this.#api.call('imports.status', { jobId: row.jobId! })));
    answers.forEach((answer, i) => {
      if (answer.ok) this.#apply(polled[i], answer.value);
      else this.#settle(polled[i], 'failed', { error: answer.error });
    });
    this.#timer = null;
    if (this.#rows.some((row) => row.state === 'running' && row.jobId !== null)) this.#schedulePoll();
  }
}
