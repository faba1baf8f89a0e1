/** The assist worker thread: runs the NLP libraries off the main thread (see worker-pool.ts). */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { finishAnalysis } from './analyse';
import { analyseChunk } from './entities/suggest';
import type { WorkerReply, WorkerRequest, WorkerTask } from './protocol';

let peakHeapBytes = 0;
/** Samples the heap after each step: a chunk's analysis is where the models' memory peaks. */
function sampleHeap<T>(value: T): T {
  peakHeapBytes = Math.max(peakHeapBytes, getHeapStatistics().used_heap_size);
  return value;
}

function run(task: WorkerTask): unknown {
  switch (task.kind) {
    case 'chunks':
      return task.chunks.map((chunk) => sampleHeap(analyseChunk(chunk)));
    case 'finish':
      return finishAnalysis(task.request, task.analyses);
  }
}

if (!parentPort) throw new Error('The assist worker must run in a worker thread.');
const port = parentPort;
port.on('message', ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const value = sampleHeap(run(task));
    reply = { id, ok: true, value, peakHeapBytes };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error), peakHeapBytes };
  }
  port.postMessage(reply);
});
