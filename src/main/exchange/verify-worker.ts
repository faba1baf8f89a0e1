/**
 * The worker thread of file-verifier.ts: reads each file it is sent again from its bytes, as the
 * reader does (readAnnotationFile, its schema check loaded once when the thread starts),
 * then puts the verdict on the reply port and wakes the thread waiting for it. It never touches
 * the database.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { VerifyJob, VerifyReply } from './file-verifier';
import { loadFileSchemaCheck, readAnnotationFile } from './read-file';

const { replies } = workerData as { replies: MessagePort };
const fileSchemaCheck = loadFileSchemaCheck();

parentPort!.on('message', async ({ id, fileName, bytes, signal }: VerifyJob) => {
  let refusal: VerifyReply['refusal'];
  try {
    const read = readAnnotationFile(fileName, bytes, await fileSchemaCheck);
    refusal = read.ok ? null : read.error;
  } catch (error) {
    refusal = { code: 'internal', message: `Cannot open "${fileName}": checking it failed unexpectedly (${(error as Error).message}); nothing was stored.` };
  }
  replies.postMessage({ id, refusal } satisfies VerifyReply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
