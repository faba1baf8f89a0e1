#!/usr/bin/env node
// Suggestion benchmark (npm run bench:assist): entity and claim suggestions over ~1 MB of text,
// through the assist worker pool; prints JSON. BENCH_BYTES, BENCH_RUNS and BENCH_WORKERS override
// the defaults (1 MB, 3 runs, one worker per core up to two).
// Runs the TypeScript sources under tsx, a development tool: the app and the `factdesk` command run
// the built JavaScript.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runAssistBenchmark } = await import('./benchmark.ts');
const result = await runAssistBenchmark({
  bytes: Number(process.env.BENCH_BYTES ?? 1_000_000),
  runs: Number(process.env.BENCH_RUNS ?? 3),
  workers: Number(process.env.BENCH_WORKERS ?? Math.max(1, Math.min(2, availableParallelism())))
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
