/**
 * Runs a parse in a worker thread, so a long or hostile file never blocks the main thread;
 * cancel() terminates the thread. A parse that runs out of memory ends only its worker.
 */
import { Worker } from 'node:worker_threads';
import type { ImportedArticle } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { workerEntry } from '../worker-entry';
import { importFailure } from './failure';
import type { ParseRunner } from './jobs';
import type { WorkerMessage } from './parse-worker';

/** The heap a single parse may use (a 20 MB page or PDF needs a fraction of it). */
const WORKER_HEAP_MB = 2048;

export const parseInWorker: ParseRunner = (request, onProgress) => {
  const { fileName } = request;
  const worker = new Worker(workerEntry('import-worker'), {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }
  });
  let cancelled = false;
  const result = new Promise<Result<ImportedArticle>>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.fraction, message.stage);
      else resolve(message.result);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      resolve(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? importFailure(fileName, 'too_large', `reading it needs more than the ${WORKER_HEAP_MB} MB of memory an import may use`)
          : importFailure(fileName, 'internal', `reading it failed unexpectedly (${error.message})`)
      );
    });
    worker.on('exit', (code) => {
      resolve(
        cancelled
          ? importFailure(fileName, 'cancelled', 'the import was cancelled')
          : importFailure(fileName, 'internal', `reading it stopped unexpectedly (exit code ${code})`)
      );
    });
  });
  // The worker has nothing left to do once it has answered.
  void result.then(() => worker.terminate());
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    }
  };
};
