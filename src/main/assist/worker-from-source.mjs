// Starts the assist worker from TypeScript source (CLI, browser mode and tests run under tsx):
// a worker thread does not inherit the parent's tsx loader, so it registers its own, like bin/factdesk.mjs.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url)) });
await import('./worker.ts');
