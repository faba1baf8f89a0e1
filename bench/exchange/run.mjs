#!/usr/bin/env node
// Shared-file benchmark (npm run bench:exchange): an annotation file with 10,000 mentions over the
// public-domain Moby-Dick text is opened into an empty library and merged into one holding the same
// document (the app's way: the file's schema, records, hashes and signature checked in a worker
// thread beside the writes; and, for comparison, before them on one thread), against plain
// better-sqlite3 inserts of the same rows; then 10,000 annotations are
// re-anchored after ~1% random edits; and the first open of a session, with the built `factdesk`
// command in a new process (firstOpenOfSession). Prints JSON. BENCH_WORDS, BENCH_ANNOTATIONS and BENCH_RUNS
// override the defaults (100,000 words, 10,000 annotations, 3 runs).
// Runs the TypeScript sources under tsx, a development tool: the app and the `factdesk` command run
// the built JavaScript. The checking worker thread runs from the last build (`npm run build` first).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runExchangeBenchmark } = await import('./benchmark.ts');
const result = await runExchangeBenchmark({
  words: Number(process.env.BENCH_WORDS ?? 100_000),
  annotations: Number(process.env.BENCH_ANNOTATIONS ?? 10_000),
  runs: Number(process.env.BENCH_RUNS ?? 3)
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
