#!/usr/bin/env node
// The `factdesk` command: runs the TypeScript CLI (src/main/cli/main.ts) under tsx, so it works right after install.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// A reader that stops early (`factdesk show ID --json | head`) ends the output quietly, as SIGPIPE would.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
const { runCli } = await import('../src/main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
