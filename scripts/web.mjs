#!/usr/bin/env node
// `npm run web`: builds out/ once when the sources are newer, then runs the built browser-mode server (out/main/web.js).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const failure = await buildIfStale(ROOT);
if (failure) {
  process.stderr.write(`factdesk web: ${failure}\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(join(ROOT, 'out', 'main', 'web.js')).href);
process.exitCode = await main(process.argv.slice(2), join(ROOT, 'out', 'renderer'));
