/**
 * Where a file is parsed. Plain text and Markdown up to 1 MB are decoded and split in one linear
 * pass of a few milliseconds, far less than starting a worker thread (~0.3 s); everything else
 * (web pages, Word, PDF, large text files) is parsed in a worker thread.
 */
import type { ImportedArticle } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { importFailure } from './failure';
import { fileExtension } from './file-name';
import { importArticle } from './index';
import type { ProgressListener } from './importer';
import type { ParseRequest, ParseRunner, RunningParse } from './jobs';
import { parseInWorker } from './run-in-worker';

const PLAIN_TEXT = new Set(['.txt', '.md', '.markdown']);
const IN_THREAD_MAX_BYTES = 1024 * 1024;

export const parseArticleFile: ParseRunner = (request, onProgress) =>
  PLAIN_TEXT.has(fileExtension(request.fileName)) && request.bytes.length <= IN_THREAD_MAX_BYTES
    ? parseInThread(request, onProgress)
    : parseInWorker(request, onProgress);

function parseInThread({ fileName, bytes }: ParseRequest, onProgress: ProgressListener): RunningParse {
  let cancelled = false;
  const result: Promise<Result<ImportedArticle>> = Promise.resolve().then(() =>
    cancelled ? importFailure(fileName, 'cancelled', 'the import was cancelled') : importArticle(fileName, bytes, { onProgress })
  );
  return {
    result,
    cancel() {
      cancelled = true;
    }
  };
}
