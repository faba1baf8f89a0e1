/**
 * Suggestion benchmark: entity and claim suggestions over about 1 MB of English text, built by
 * repeating the gold set's plain texts (tests/fixtures/gold: Reuters-21578 wire stories,
 * public-domain CIA World Factbook profiles and the sample article), through the same worker pool the app uses, with the gold entity names
 * as the library's knowledge. Reports wall time per run, the CPU time it used (all threads), the
 * process's peak memory (the worker threads live in the same process, so their memory counts),
 * each worker's peak heap, and the machine's load average, since other processes on the machine slow the wall time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeTerm } from '../../src/main/assist/entities/candidate';
import { createWorkerPool } from '../../src/main/assist/worker-pool';

const GOLD = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'gold');
const TARGET_MS = 10_000;

export interface AssistBenchmarkOptions {
  bytes: number;
  runs: number;
  workers: number;
}

function corpus(bytes: number): { text: string; knowledge: KnowledgeTerm[] } {
  const files = readdirSync(GOLD).filter((f) => f.endsWith('.gold.json')).sort();
  const texts: string[] = [];
  const knowledge: KnowledgeTerm[] = [];
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(GOLD, file), 'utf8')) as { text: string; entities: Array<[string, string]> };
    if (!gold.text.endsWith('.txt')) continue; // saved pages are markup until imported
    texts.push(readFileSync(join(GOLD, gold.text), 'utf8'));
    for (const [name, type] of gold.entities) if (!['date', 'number'].includes(type)) knowledge.push({ text: name, type, entityId: null, entityName: null });
  }
  const base = texts.join('\n\n');
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += `${base}\n\n`;
  return { text, knowledge };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

export async function runAssistBenchmark(options: AssistBenchmarkOptions) {
  const load = loadavg()[0]!;
  const { text, knowledge } = corpus(options.bytes);
  const pool = createWorkerPool({ size: options.workers });
  try {
    let started = performance.now();
    await pool.analyse({ text: text.slice(0, 5000), knowledge, claims: true });
    const warmupMs = Math.round(performance.now() - started);
    const runs: Array<{ ms: number; cpuMs: number; entities: number; claims: number }> = [];
    for (let i = 0; i < options.runs; i += 1) {
      started = performance.now();
      const cpu = process.cpuUsage();
      const result = await pool.analyse({ text, knowledge, claims: true });
      const used = process.cpuUsage(cpu);
      runs.push({
        ms: Math.round(performance.now() - started),
        cpuMs: Math.round((used.user + used.system) / 1000),
        entities: result.entities.length,
        claims: result.claims.length
      });
    }
    const ms = median(runs.map((r) => r.ms));
    return {
      benchmark: 'assist',
      textBytes: Buffer.byteLength(text),
      textChars: text.length,
      knowledgeTerms: knowledge.length,
      workers: options.workers,
      cpus: availableParallelism(),
      loadAverageAtStart: Math.round(load * 100) / 100,
      warmupMs,
      runs,
      medianMs: ms,
      megabytesPerSecond: Math.round((Buffer.byteLength(text) / 1e6 / (ms / 1000)) * 100) / 100,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      // Each worker's own JavaScript heap at its highest (sampled after every chunk it analysed).
      peakHeapMbPerWorker: pool.peakHeapBytes().map((bytes) => Math.round(bytes / 2 ** 20)),
      targetMs: TARGET_MS,
      withinTarget: ms < TARGET_MS
    };
  } finally {
    await pool.close();
  }
}
