// Entry of the import worker when Factdesk runs from its TypeScript sources (CLI and browser mode
// under tsx, unit tests under vitest): a worker thread does not inherit the parent's tsx hooks,
// so it registers tsx itself. The Electron build bundles parse-worker.ts as its own entry instead.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Speed only: tsx runs plain-JavaScript packages through its transform too, which takes seconds
// for pdf.js. The parser a file needs is loaded before tsx registers; the importer then gets it
// from the module cache.
const HEAVY_PARSERS = {
  '.pdf': ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'],
  '.docx': ['mammoth', 'linkedom'],
  '.html': ['linkedom', '@mozilla/readability'],
  '.htm': ['linkedom', '@mozilla/readability'],
  '.xhtml': ['linkedom', '@mozilla/readability']
};
for (const name of HEAVY_PARSERS[extname(workerData.fileName).toLowerCase()] ?? []) await import(name);

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url)) });
await import('./parse-worker.ts');
