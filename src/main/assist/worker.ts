/** The assist worker thread: runs the NLP libraries off the main thread (see worker-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { finishAnalysis } from './analyse';
import { analyseChunk } from './entities/suggest';
import type { WorkerReply, WorkerRequest, WorkerTask } from './protocol';

function run(task: WorkerTask): unknown {
  switch (task.kind) {
    case 'chunks':
      return task.chunks.map(analyseChunk);
    case 'finish':
      return finishAnalysis(task.request, task.analyses);
  }
}

if (!parentPort) throw new Error('The assist worker must run in a worker thread.');
const port = parentPort;
port.on('message', ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: run(task) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
