#!/usr/bin/env node
// Working-view render benchmark (npm run bench:render): articles of 1,000, 10,000 and 100,000 words
// from a public-domain novel shipped on npm, one mention per 10 words and one claim per 100 stored
// through the API, opened (and the largest labelled) in headless Chromium through browser mode.
// Prints JSON; see benchmark.ts. Options by environment: BENCH_SIZES (words, comma-separated),
// BENCH_OPERATIONS, BENCH_LOADS, FACTDESK_CHROMIUM (default /usr/bin/chromium), BENCH_CORPUS_DIR (see corpus.ts).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runRenderBenchmark } = await import('./benchmark.ts');
const result = await runRenderBenchmark({
  sizes: (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number),
  operations: Number(process.env.BENCH_OPERATIONS ?? 200),
  loads: Number(process.env.BENCH_LOADS ?? 15),
  chromiumPath: process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium'
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
// The import worker pool of the in-process service would keep Node alive.
process.exit(0);
