/**
 * Runs suggestions off the main thread, in a small pool of worker threads (one per core, at most
 * two): the NLP work of a long text is split by chunks across the workers, then one worker
 * settles the result. Idle workers are unref'd, so they never keep a CLI process alive.
 *
 * Where the worker's code is: from source (tsx, vitest) worker-from-source.mjs registers tsx and
 * loads worker.ts; in the electron-vite bundle it is its own entry, assist-worker.js, next to the
 * main bundle (see electron.vite.config.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyseRequest, AnalyseResult, ChunkAnalysis } from './analyse';
import type { WorkerReply, WorkerTask } from './protocol';
import { type Chunk, chunkText } from './text/chunks';

/** A task that takes longer than this is abandoned and its worker replaced (1 MB takes seconds). */
const TASK_TIMEOUT_MS = 120_000;

export interface AssistEngine {
  analyse(request: AnalyseRequest): Promise<AnalyseResult>;
  close(): Promise<void>;
}

interface Job {
  task: WorkerTask;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: { id: number; job: Job; timer: NodeJS.Timeout } | null;
}

function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./worker-from-source.mjs', here) : new URL('./assist-worker.js', here);
}

export function createWorkerPool(size = Math.max(1, Math.min(2, availableParallelism()))): AssistEngine {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerUrl()), job: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const current = slot.job;
      if (!current || current.id !== reply.id) return;
      settle(slot);
      if (reply.ok) current.job.resolve(reply.value);
      else current.job.reject(new Error(`Suggestions failed: ${reply.message}`));
    });
    const fail = (error: Error) => {
      const current = slot.job;
      slots.splice(slots.indexOf(slot), 1);
      if (current) {
        clearTimeout(current.timer);
        current.job.reject(new Error(`The suggestion worker stopped: ${error.message}`));
      }
      dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    slots.push(slot);
    return slot;
  }

  function settle(slot: Slot) {
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = null;
    slot.worker.unref();
    dispatch();
  }

  function dispatch() {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      const job = queue.shift()!;
      const id = nextId++;
      const timer = setTimeout(() => {
        slots.splice(slots.indexOf(slot), 1);
        void slot.worker.terminate();
        job.reject(new Error(`Suggestions took longer than ${TASK_TIMEOUT_MS / 1000} s and were stopped.`));
        dispatch();
      }, TASK_TIMEOUT_MS);
      timer.unref();
      slot.job = { id, job, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id, task: job.task });
    }
  }

  function run<T>(task: WorkerTask): Promise<T> {
    if (closed) return Promise.reject(new Error('The suggestion workers are closed.'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
      dispatch();
    });
  }

  return {
    async analyse(request) {
      const groups = partition(chunkText(request.text), size);
      const parts = await Promise.all(groups.map((chunks) => run<ChunkAnalysis[]>({ kind: 'chunks', chunks })));
      return run<AnalyseResult>({ kind: 'finish', request, analyses: parts.flat() });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The suggestion workers were closed.'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    }
  };
}

/** Contiguous groups of chunks with about equal amounts of text, at most `count` of them. */
function partition(chunks: Chunk[], count: number): Chunk[][] {
  const total = chunks.reduce((sum, c) => sum + c.text.length, 0);
  const target = total / count;
  const groups: Chunk[][] = [[]];
  let size = 0;
  for (const chunk of chunks) {
    if (size >= target && groups.length < count) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(chunk);
    size += chunk.text.length;
  }
  return groups.filter((g) => g.length > 0);
}

let shared: AssistEngine | null = null;

/** The process-wide pool the API handlers use. */
export function assistEngine(): AssistEngine {
  return (shared ??= createWorkerPool());
}
