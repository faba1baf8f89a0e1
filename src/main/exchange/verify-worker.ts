/**
 * The worker thread of file-verifier.ts: reads each file it is sent again from its bytes and runs
 * its last checks (contentRefusal), then puts the verdict on the reply port and wakes the thread
 * waiting for it. It never touches the database.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { VerifyJob, VerifyReply } from './file-verifier';
import { contentRefusal, parseShapedFile } from './read-file';

const { replies } = workerData as { replies: MessagePort };

parentPort!.on('message', ({ id, fileName, bytes, signal }: VerifyJob) => {
  let refusal: VerifyReply['refusal'];
  try {
    refusal = contentRefusal(fileName, parseShapedFile(bytes));
  } catch (error) {
    refusal = { code: 'internal', message: `Cannot open "${fileName}": checking it failed unexpectedly (${(error as Error).message}); nothing was stored.` };
  }
  replies.postMessage({ id, refusal } satisfies VerifyReply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
