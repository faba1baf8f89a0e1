import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Runtime dependencies (better-sqlite3 above all: a native module) stay in node_modules.
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/electron/main.ts'),
          // The article import worker thread (src/main/import/run-in-worker.ts loads it by this name).
          'import-worker': resolve(root, 'src/main/import/parse-worker.ts'),
          // The suggestion worker threads (src/main/assist/worker-pool.ts loads them by this name).
          'assist-worker': resolve(root, 'src/main/assist/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() anything but electron: bundle every dependency
      // and emit CommonJS (.cjs, since package.json is "type": "module").
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    // Relative asset URLs work from file:// (Electron) and from http://127.0.0.1 (browser mode).
    base: './',
    build: {
      outDir: 'out/renderer',
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
    plugins: [svelte()],
  },
});
