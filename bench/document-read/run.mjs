#!/usr/bin/env node
// Document-read benchmark (npm run bench:document-read): what opening a document costs in the API
// service on a 100,000-word article with one mention per 10 words and one claim per 100, part of
// them approved by a second person, and how much of it is deriving "verified". Prints JSON; see
// benchmark.ts. Options by environment: BENCH_WORDS, BENCH_APPROVED (claims approved), BENCH_RUNS.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runDocumentReadBenchmark } = await import('./benchmark.ts');
const result = await runDocumentReadBenchmark({
  words: Number(process.env.BENCH_WORDS ?? 100_000),
  approved: Number(process.env.BENCH_APPROVED ?? 100),
  runs: Number(process.env.BENCH_RUNS ?? 15)
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
// The import worker pool of the in-process service would keep Node alive.
process.exit(0);
