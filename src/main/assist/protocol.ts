/** Messages between the main thread and the assist worker threads. */
import type { AnalyseRequest } from './analyse';
import type { ChunkAnalysis } from './entities/suggest';
import type { Chunk } from './text/chunks';

export type WorkerTask =
  | { kind: 'chunks'; chunks: Chunk[] }
  | { kind: 'finish'; request: AnalyseRequest; analyses: ChunkAnalysis[] };

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

/** Every reply carries the most heap the worker has held after any chunk or task so far. */
export type WorkerReply = ({ id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }) & { peakHeapBytes: number };
