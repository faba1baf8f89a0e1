/** Times single-mention creates through the API under synchronous=FULL and NORMAL (see run.mjs). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../../src/main/api/service';
import { openLibrary } from '../../src/main/store/open';
import { serviceCaller } from '../service-call';

export interface BenchmarkOptions {
  mentions: number;
  runs: number;
}

type Mode = 'FULL' | 'NORMAL';

const WORD = 'Council ';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

/** One fresh library; `mentions` creates, each its own API call and transaction; returns wall ms. */
async function timeCreates(mode: Mode, mentions: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-durability-'));
  const db = openLibrary(dir);
  if (mode === 'NORMAL') db.pragma('synchronous = NORMAL');
  const service = createService({ db, mode: 'cli', version: 'bench' });
  const call = serviceCaller(service);
  try {
    await call('settings.update', { userName: 'Bench Checker' });
    const text = WORD.repeat(mentions).trimEnd();
    const { document } = await call('documents.import', { fileName: 'bench.txt', dataBase64: Buffer.from(text).toString('base64') });
    const start = performance.now();
    for (let i = 0; i < mentions; i += 1) {
      const from = i * WORD.length;
      await call('mentions.create', { documentId: document.id, start: from, end: from + WORD.length - 1, type: 'organization' });
    }
    return performance.now() - start;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDurabilityBenchmark({ mentions, runs }: BenchmarkOptions) {
  const times: Record<Mode, number[]> = { FULL: [], NORMAL: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const mode of ['NORMAL', 'FULL'] as const) times[mode].push(await timeCreates(mode, mentions));
  }
  const full = median(times.FULL);
  const normal = median(times.NORMAL);
  return {
    benchmark: 'durability',
    write: 'mentions.create through the API service, one transaction each',
    mentions,
    runs,
    medianMs: { full: round(full), normal: round(normal) },
    perWriteMs: { full: round(full / mentions), normal: round(normal / mentions) },
    fullToNormal: round(full / normal)
  };
}
