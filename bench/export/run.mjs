#!/usr/bin/env node
// Fact-sheet export benchmark (npm run bench:export): one article with 500 verified claims,
// 3 evidence items each, in a temp library; times every format through the API and prints JSON.
// Runs the TypeScript sources under tsx, a development tool: the app and the `factdesk` command run
// the built JavaScript.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runExportBenchmark } = await import('./benchmark.ts');
const result = await runExportBenchmark({
  claims: Number(process.env.BENCH_CLAIMS ?? 500),
  evidencePerClaim: Number(process.env.BENCH_EVIDENCE ?? 3),
  runs: Number(process.env.BENCH_RUNS ?? 5)
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
