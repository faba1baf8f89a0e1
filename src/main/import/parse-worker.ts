/**
 * The import worker thread: parses one file (workerData: a ParseRequest), posts progress
 * messages, then the result. It never touches the database; the job stores what it posts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportedArticle } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { importFailure } from './failure';
import { importArticle } from './index';
import type { ParseRequest } from './jobs';

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'result'; result: Result<ImportedArticle> };

const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const { fileName, bytes, htmlMode } = workerData as ParseRequest;

// Tells the parent the parse begins: its time limit counts from here.
post({ type: 'progress', fraction: 0, stage: 'Reading the file' });
try {
  const result = await importArticle(fileName, bytes, {
    htmlMode,
    onProgress: (fraction, stage) => post({ type: 'progress', fraction, stage })
  });
  post({ type: 'result', result });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'result', result: importFailure(fileName, 'internal', `reading it failed unexpectedly (${message})`) });
}
