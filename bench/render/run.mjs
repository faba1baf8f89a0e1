#!/usr/bin/env node
// Long-document render benchmark (npm run bench:render): a 100,000-word article from a public-domain
// novel shipped on npm, with 10,000 mentions and 1,000 claims stored through the API, opened and
// labelled in headless Chromium through browser mode. Prints JSON; see benchmark.ts.
// Options by environment: BENCH_WORDS, BENCH_MENTIONS, BENCH_CLAIMS, BENCH_OPERATIONS, BENCH_LOADS,
// FACTDESK_CHROMIUM (default /usr/bin/chromium), BENCH_CORPUS_DIR (see corpus.ts).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runRenderBenchmark } = await import('./benchmark.ts');
const result = await runRenderBenchmark({
  words: Number(process.env.BENCH_WORDS ?? 100_000),
  mentions: Number(process.env.BENCH_MENTIONS ?? 10_000),
  claims: Number(process.env.BENCH_CLAIMS ?? 1_000),
  operations: Number(process.env.BENCH_OPERATIONS ?? 200),
  loads: Number(process.env.BENCH_LOADS ?? 15),
  chromiumPath: process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium'
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
// The import worker pool of the in-process service would keep Node alive.
process.exit(0);
