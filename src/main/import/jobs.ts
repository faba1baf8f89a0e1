/**
 * Import jobs: each parses one file off the main thread (through a ParseRunner), reports its
 * progress, can be cancelled, and hands the parsed article to a store callback that writes it in
 * one transaction. Nothing is stored unless the parse succeeded and was not cancelled. Jobs live
 * in memory; finished ones are forgotten after a while.
 */
import type { ImportOutcome } from '../../shared/api/contract';
import type { HtmlMode, ImportJobStatus } from '../../shared/api/methods/imports';
import type { ImportedArticle } from '../../shared/domain';
import type { AppError, Result } from '../../shared/result';
import { DomainError } from '../errors';
import type { ProgressListener } from './importer';

export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
  htmlMode?: HtmlMode;
}

export interface RunningParse {
  /** Settles once, with the article or why there is none (code `cancelled` after cancel()). */
  result: Promise<Result<ImportedArticle>>;
  cancel(): void;
}

/** Parses a file somewhere that is not the caller's thread (see run-in-worker.ts). */
export type ParseRunner = (request: ParseRequest, onProgress: ProgressListener) => RunningParse;

/** Stores a parsed article (one transaction) and says what it stored; may throw a DomainError. */
export type StoreArticle = (article: ImportedArticle) => ImportOutcome;

export interface ImportJobsOptions {
  clock: () => Date;
  parse: ParseRunner;
  /** Parses running at once; later jobs wait their turn. */
  maxParallel?: number;
  /** How long a finished job can still be asked about. */
  keepFinishedMs?: number;
  /** At most this many finished jobs are kept. */
  maxFinished?: number;
}

/** Storing the parsed article is the last step: parsing moves the bar up to here. */
const PARSED = 0.95;

interface Job {
  status: ImportJobStatus;
  request: ParseRequest;
  store: StoreArticle;
  parse: RunningParse | null;
  settled: Promise<ImportJobStatus>;
  settle: (status: ImportJobStatus) => void;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private parsing = 0;
  private readonly maxParallel: number;
  private readonly keepFinishedMs: number;
  private readonly maxFinished: number;

  constructor(private readonly options: ImportJobsOptions) {
    this.maxParallel = options.maxParallel ?? 2;
    this.keepFinishedMs = options.keepFinishedMs ?? 15 * 60_000;
    this.maxFinished = options.maxFinished ?? 100;
  }

  start(request: ParseRequest, store: StoreArticle): ImportJobStatus {
    this.prune();
    let settle!: (status: ImportJobStatus) => void;
    const settled = new Promise<ImportJobStatus>((resolve) => (settle = resolve));
    const job: Job = {
      status: {
        jobId: crypto.randomUUID(),
        fileName: request.fileName,
        state: 'running',
        progress: 0,
        stage: 'Waiting for another import to finish',
        startedAt: this.now(),
        finishedAt: null,
        outcome: null,
        error: null
      },
      request,
      store,
      parse: null,
      settled,
      settle
    };
    this.jobs.set(job.status.jobId, job);
    this.queue.push(job);
    this.pump();
    return { ...job.status };
  }

  status(jobId: string): ImportJobStatus | null {
    this.prune();
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : null;
  }

  list(): ImportJobStatus[] {
    this.prune();
    return [...this.jobs.values()].map((job) => ({ ...job.status }));
  }

  /** Resolves with the job's final status (done, failed or cancelled). */
  async settled(jobId: string): Promise<ImportJobStatus | null> {
    const job = this.jobs.get(jobId);
    return job ? job.settled : null;
  }

  /** Stops a running or waiting job; nothing of it is stored. A finished job is returned as it is. */
  cancel(jobId: string): ImportJobStatus | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.status.state === 'running') {
      const waiting = this.queue.indexOf(job);
      if (waiting >= 0) this.queue.splice(waiting, 1);
      job.parse?.cancel();
      this.finish(job, 'cancelled', {
        error: { code: 'cancelled', message: `Import of "${job.request.fileName}" cancelled; nothing was stored.` }
      });
    }
    return { ...job.status };
  }

  private pump(): void {
    while (this.parsing < this.maxParallel && this.queue.length > 0) this.launch(this.queue.shift()!);
  }

  private launch(job: Job): void {
    this.parsing++;
    job.status.stage = 'Starting';
    const parse = this.options.parse(job.request, (fraction, stage) => {
      if (job.status.state !== 'running') return;
      job.status.progress = Math.max(job.status.progress, Math.min(Math.max(fraction, 0), 1) * PARSED);
      job.status.stage = stage;
    });
    job.parse = parse;
    parse.result.then(
      (result) => this.complete(job, result),
      (error: unknown) => this.complete(job, { ok: false, error: unexpected(job, 'reading', error) })
    );
  }

  /** The parse is over (the worker is gone either way): store the article unless the job was cancelled. */
  private complete(job: Job, result: Result<ImportedArticle>): void {
    this.parsing--;
    job.parse = null;
    this.pump();
    if (job.status.state !== 'running') return;
    if (!result.ok) {
      this.finish(job, 'failed', { error: result.error });
      return;
    }
    job.status.stage = 'Saving';
    try {
      this.finish(job, 'done', { outcome: job.store(result.value), progress: 1 });
    } catch (error) {
      const appError = error instanceof DomainError ? { code: error.code, message: error.message } : unexpected(job, 'storing', error);
      this.finish(job, 'failed', { error: appError });
    }
  }

  private finish(job: Job, state: ImportJobStatus['state'], fields: Partial<ImportJobStatus>): void {
    const stage = { running: job.status.stage, done: 'Imported', failed: 'Failed', cancelled: 'Cancelled' }[state];
    Object.assign(job.status, { ...fields, state, stage, finishedAt: this.now() });
    job.settle({ ...job.status });
  }

  /** Forgets finished jobs older than keepFinishedMs, and the oldest beyond maxFinished. */
  private prune(): void {
    const cutoff = this.options.clock().getTime() - this.keepFinishedMs;
    const finished = [...this.jobs.values()].filter((job) => job.status.finishedAt !== null);
    finished.forEach((job, i) => {
      if (Date.parse(job.status.finishedAt!) < cutoff || i < finished.length - this.maxFinished) {
        this.jobs.delete(job.status.jobId);
      }
    });
  }

  private now(): string {
    return this.options.clock().toISOString();
  }
}

function unexpected(job: Job, step: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Cannot import "${job.request.fileName}": ${step} it failed unexpectedly (${message}).` };
}
