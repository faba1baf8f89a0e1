/**
 * The checks of a shared file that writing it does not need first (laterRefusal: its schema, text
 * hash, records and signature), run beside an open's writes instead of before them: a warm worker
 * thread reads the whole file again from its bytes, as the reader does, while this thread parses it
 * and writes it, and the open waits for the verdict inside its transaction, before the commit; a
 * refusal rolls everything back, and is the answer even when a write failed first on a value the
 * schema would have refused. The wait blocks this thread (Atomics.wait): better-sqlite3
 * transactions are synchronous, and no other request may run inside an open one. What bounds the
 * work of the writes (size, nesting, prototype keys, identity, version, record counts) is checked
 * before them on this thread (readOwnJson).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { AppError } from '../../shared/result';
import { domainErrorOf } from '../errors';
import { workerEntry } from '../worker-entry';
import type { AnnotationFile } from './file-schema';
import { laterRefusal, loadFileSchemaCheck } from './read-file';

export interface Verification {
  /** Told the file's JSON once readOwnJson accepted it, before any write: the file to write; throws a refusal found by then. */
  read(json: unknown): AnnotationFile;
  /** Returns once the file passed; throws its refusal (a DomainError) otherwise. Answers the same when asked again. */
  wait(): void;
}

export interface FileVerifier {
  /** Room for the bytes of a file to check, decoded straight into it (shared memory, for a worker to read in place). */
  memory(length: number): Uint8Array;
  /** Starts the later checks of a file from its bytes, in room from `memory` (at once, before it is parsed here). */
  start(fileName: string, bytes: Uint8Array): Promise<Verification>;
  close(): Promise<void>;
}

/** A job for the worker (`bytes` in shared memory): `signal[0]` turns 1 once the verdict is on the reply port. */
export interface VerifyJob {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  signal: Int32Array;
}

export interface VerifyReply {
  id: number;
  /** The refusal, or null when the file passed. */
  refusal: AppError | null;
}

/** Far longer than a 50 MB file takes (about a second): only a stuck or crashed worker waits this long. */
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_HEAP_MB = 1024;

function throwIfRefused(refusal: AppError | null): void {
  if (refusal) throw domainErrorOf(refusal);
}

/** The checks on this thread, before any write: the sequential path. */
export const inlineVerifier: FileVerifier = {
  memory: (length) => Buffer.allocUnsafe(length),
  async start(fileName) {
    const matchesFileSchema = await loadFileSchemaCheck();
    return {
      read(json) {
        throwIfRefused(laterRefusal(fileName, json, matchesFileSchema));
        return json as AnnotationFile;
      },
      wait() {}
    };
  },
  close: async () => {}
};

interface Thread {
  worker: Worker;
  replies: MessagePort;
}

export interface WorkerVerifierOptions {
  /** A verdict not in after this long refuses the open (default 30 s). */
  timeoutMs?: number;
  /** The thread's heap: a hostile file ends only the thread (default 1 GB; a 50 MB file needs about 400 MB). */
  heapMb?: number;
}

/** Checks files in one worker thread, started on the first file and kept warm (unref'd: it never keeps a process alive). */
export function workerVerifier(options: WorkerVerifierOptions = {}): FileVerifier {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  let thread: Thread | null = null;
  let nextId = 1;

  function startThread(): Thread {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerEntry('exchange-worker'), {
      workerData: { replies: port2 },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: heapMb }
    });
    const started: Thread = { worker, replies: port1 };
    // Seen only between requests (a waiting thread runs no events): the next file gets a new thread.
    const stop = () => {
      if (thread === started) thread = null;
      port1.close();
    };
    worker.on('error', stop);
    worker.on('exit', stop);
    worker.unref();
    return started;
  }

  function verdictOf(current: Thread, job: VerifyJob): AppError | null {
    const outcome = Atomics.wait(job.signal, 0, 0, timeoutMs);
    const unchecked = (why: string): AppError => {
      if (thread === current) thread = null;
      void current.worker.terminate();
      return { code: 'internal', message: `Cannot open "${job.fileName}": ${why}; nothing was stored. Try again.` };
    };
    // A thread that stopped (out of memory) never answers either.
    if (outcome === 'timed-out') return unchecked(`checking it did not finish within ${timeoutMs / 1000} seconds`);
    // Jobs of files refused before their writes (readOwnJson) are never waited for: their replies come first.
    for (let received = receiveMessageOnPort(current.replies); received; received = receiveMessageOnPort(current.replies)) {
      const reply = received.message as VerifyReply;
      if (reply.id === job.id) return reply.refusal;
    }
    return unchecked('checking it gave no answer');
  }

  return {
    // Fresh for each file: the worker may still be reading the bytes of one refused before it was waited for.
    memory: (length) => new Uint8Array(new SharedArrayBuffer(length)),
    // Async for the calling thread's path only: the job is posted before this returns.
    async start(fileName, bytes) {
      // Read by the worker in place (a message would copy the bytes out and in again).
      if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new Error('The bytes of a file to check go in room from memory().');
      const current = (thread ??= startThread());
      const job: VerifyJob = { id: nextId++, fileName, bytes, signal: new Int32Array(new SharedArrayBuffer(4)) };
      current.worker.postMessage(job);
      let verdict: { refusal: AppError | null } | undefined;
      return {
        // Not checked yet: the writes of a file whose values the schema would refuse fail or roll back.
        read: (json) => json as AnnotationFile,
        wait() {
          verdict ??= { refusal: verdictOf(current, job) };
          throwIfRefused(verdict.refusal);
        }
      };
    },
    async close() {
      const current = thread;
      thread = null;
      if (current) await current.worker.terminate();
    }
  };
}

let shared: FileVerifier | null = null;

/** Whether this thread may block on Atomics.wait (a browser's main thread may not; Node's threads may). */
function canWait(): boolean {
  try {
    return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1) === 'not-equal';
  } catch {
    return false;
  }
}

/**
 * The process-wide verifier: a worker thread where one can help. With one core the checks could
 * only take turns with the writes; without the built worker (the sources run without a build) there
 * is none to start; where this thread may not block it could not wait for the verdict inside the
 * transaction. The checks then run before the writes, on this thread.
 */
export function fileVerifier(): FileVerifier {
  const usable = () => availableParallelism() > 1 && existsSync(fileURLToPath(workerEntry('exchange-worker'))) && canWait();
  return (shared ??= usable() ? workerVerifier() : inlineVerifier);
}
