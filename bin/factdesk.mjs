#!/usr/bin/env node
// The `factdesk` command: runs the built CLI (out/main/cli.js, made by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILT_CLI = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));

// A reader that stops early (`factdesk show ID --json | head`) ends the output quietly, as SIGPIPE would.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
if (!existsSync(BUILT_CLI)) {
  process.stderr.write('factdesk: not built yet: run `npm run build` in the Factdesk folder first\n');
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(BUILT_CLI).href);
process.exitCode = await runCli(process.argv.slice(2));
