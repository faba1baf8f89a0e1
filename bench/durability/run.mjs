#!/usr/bin/env node
// Durability benchmark (npm run bench:durability): the cost of synchronous=FULL (what a library opens
// with) against NORMAL for typical single-change writes through the API service; prints JSON.
// Runs the TypeScript sources under tsx, a development tool: the app and the `factdesk` command run
// the built JavaScript.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
const { runDurabilityBenchmark } = await import('./benchmark.ts');
const result = await runDurabilityBenchmark({
  mentions: Number(process.env.BENCH_MENTIONS ?? 1000),
  runs: Number(process.env.BENCH_RUNS ?? 3)
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
