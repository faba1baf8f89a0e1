#!/usr/bin/env node
// `npm run web`: runs the browser-mode server (src/main/web/main.ts) under tsx, no build of the Node side needed.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
const { main } = await import('../src/main/web/main.ts');
process.exitCode = await main(process.argv.slice(2));
