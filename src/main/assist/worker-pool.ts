/**
 * Runs suggestions off the main thread, in a small pool of worker threads (one per core, at most
 * two): the NLP work of a long text is split by chunks across the workers, then one worker
 * settles the result. Idle workers are unref'd, so they never keep a CLI process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import type { AnalyseRequest, AnalyseResult, ChunkAnalysis } from './analyse';
import type { WorkerReply, WorkerTask } from './protocol';
import { type Chunk, chunkText } from './text/chunks';

export interface PoolOptions {
  /** Worker threads at most (default: one per core, at most two). */
  size?: number;
  /** A task that takes longer is abandoned and its worker replaced (default 2 minutes; 1 MB takes seconds). */
  taskTimeoutMs?: number;
  /** An idle worker holds the language models (~150 MB); it ends after this long without work (default 2 minutes). */
  idleMs?: number;
}

export interface AssistEngine {
  analyse(request: AnalyseRequest): Promise<AnalyseResult>;
  /** The peak heap of each worker thread that has run a task, in bytes (for the benchmark). */
  peakHeapBytes(): number[];
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
  idle: NodeJS.Timeout | null;
  peakHeapBytes: number;
}

export function createWorkerPool(options: PoolOptions = {}): AssistEngine {
  const size = options.size ?? Math.max(1, Math.min(2, availableParallelism()));
  const taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  const idleMs = options.idleMs ?? 120_000;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  /** Takes a slot out of the pool; false when it already was. */
  function remove(slot: Slot): boolean {
    const index = slots.indexOf(slot);
    if (index < 0) return false;
    slots.splice(index, 1);
    if (slot.idle) clearTimeout(slot.idle);
    return true;
  }

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerEntry('assist-worker')), job: null, idle: null, peakHeapBytes: 0 };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const current = slot.job;
      if (!current || current.id !== reply.id) return;
      slot.peakHeapBytes = reply.peakHeapBytes;
      settle(slot);
      if (reply.ok) current.job.resolve(reply.value);
      else current.job.reject(new Error(`Suggestions failed: ${reply.message}`));
    });
    const fail = (error: Error) => {
      if (!remove(slot)) return;
      const current = slot.job;
      if (current) {
        clearTimeout(current.timer);
        current.job.reject(new Error(`The suggestion worker stopped: ${error.message}`));
      }
      dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    slots.push(slot);
    return slot;
  }

  function settle(slot: Slot) {
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = null;
    slot.worker.unref();
    dispatch();
    if (!slot.job) {
      slot.idle = setTimeout(() => {
        if (remove(slot)) void slot.worker.terminate();
      }, idleMs);
      slot.idle.unref();
    }
  }

  function dispatch() {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      const job = queue.shift()!;
      const id = nextId++;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      const timer = setTimeout(() => {
        remove(slot);
        void slot.worker.terminate();
        job.reject(new Error(`Suggestions took longer than ${taskTimeoutMs / 1000} s and were stopped.`));
        dispatch();
      }, taskTimeoutMs);
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
    peakHeapBytes: () => slots.map((slot) => slot.peakHeapBytes).filter((bytes) => bytes > 0),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The suggestion workers were closed.'));
      await Promise.all([...slots].map((slot) => remove(slot) && slot.worker.terminate()));
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
