/**
 * Runs a parse in a worker thread, so a long or hostile file never blocks the main thread;
 * cancel() terminates the thread. A parse that runs out of memory ends only its worker, and one
 * that runs past the import time limit is stopped.
 */
import { Worker } from 'node:worker_threads';
import type { ImportedArticle } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { workerEntry } from '../worker-entry';
import { importFailure } from './failure';
import type { ProgressListener } from './importer';
import type { ParseRequest, ParseRunner, RunningParse } from './jobs';
import { IMPORT_TIME_LIMIT_MS, WORKER_HEAP_MB } from './limits';
import type { WorkerMessage } from './parse-worker';

export interface WorkerLimits {
  timeLimitMs: number;
  heapMb: number;
}

export const parseInWorker: ParseRunner = (request, onProgress) =>
  parseInLimitedWorker(request, onProgress, { timeLimitMs: IMPORT_TIME_LIMIT_MS, heapMb: WORKER_HEAP_MB });

export function parseInLimitedWorker(request: ParseRequest, onProgress: ProgressListener, limits: WorkerLimits): RunningParse {
  const { fileName } = request;
  const { timeLimitMs, heapMb } = limits;
  const worker = new Worker(workerEntry('import-worker'), {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: heapMb }
  });
  let cancelled = false;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const result = new Promise<Result<ImportedArticle>>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      // The clock starts with the parse (the worker's first message), not while it loads its modules.
      timer ??= setTimeout(() => {
        timedOut = true;
        void worker.terminate();
      }, timeLimitMs);
      if (message.type === 'progress') onProgress(message.fraction, message.stage);
      else resolve(message.result);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      resolve(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? importFailure(fileName, 'too_large', `reading it needs more than the ${heapMb} MB of memory an import may use`)
          : importFailure(fileName, 'internal', `reading it failed unexpectedly (${error.message})`)
      );
    });
    worker.on('exit', (code) => {
      if (cancelled) resolve(importFailure(fileName, 'cancelled', 'the import was cancelled'));
      else if (timedOut) {
        resolve(importFailure(fileName, 'too_large', `reading it takes longer than the ${timeLimitMs / 1000} seconds an import may take`));
      } else resolve(importFailure(fileName, 'internal', `reading it stopped unexpectedly (exit code ${code})`));
    });
  });
  // The worker has nothing left to do once it has answered.
  void result.then(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    }
  };
}
