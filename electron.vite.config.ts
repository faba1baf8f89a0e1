import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { PAGE_POLICY } from './src/main/electron/window';
import { START_SCRIPT } from './src/shared/api/start-script';

const root = import.meta.dirname;

/**
 * The page's part in a quick first screen: index.html fetches the code and stylesheets of `entry` (the
 * window, a module the entry script imports at once) and of the chunks it needs beside the small entry
 * script, instead of in waves after it (measured with bench/render). The entry script is async: it runs
 * once loaded, not after the page is parsed, and sends the window's first request at once.
 */
function firstScreenPage(entry: string): Plugin {
  return {
    name: 'factdesk:first-screen-page',
    // The dev server has no bundle to read (it serves modules one by one).
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((file) => file.type === 'chunk');
        const chunk = chunks.find((file) => file.facadeModuleId === entry);
        if (!chunk) throw new Error(`No chunk for ${entry} in the renderer build`);
        const needed = chunks.filter((file) => file === chunk || chunk.imports.includes(file.fileName));
        const entryScript = /<script type="module" crossorigin src=/;
        if (!entryScript.test(html)) throw new Error('No entry script in the built index.html');
        const link = (rel: string, file: string) => ({ tag: 'link', attrs: { rel, crossorigin: true, href: `./${file}` }, injectTo: 'head' as const });
        return {
          html: html.replace(entryScript, '<script type="module" async crossorigin src='),
          tags: [
            ...needed.flatMap((file) => [...(file.viteMetadata?.importedCss ?? [])]).map((file) => link('stylesheet', file)),
            ...needed.filter((file) => !html.includes(file.fileName)).map((file) => link('modulepreload', file.fileName)),
          ],
        };
      },
    },
  };
}

/**
 * Writes the page's Content-Security-Policy (src/main/electron/window.ts) into index.html's meta tag,
 * and the inline script that policy allows by its hash (START_SCRIPT) in place of its placeholder.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'factdesk:content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        for (const placeholder of ['%FACTDESK_CSP%', '%FACTDESK_START_SCRIPT%']) {
          if (!html.includes(placeholder)) throw new Error(`No ${placeholder} in index.html`);
        }
        // Functions as replacements: a `$` in the script is not a replacement pattern.
        return html.replace('%FACTDESK_CSP%', () => PAGE_POLICY).replace('%FACTDESK_START_SCRIPT%', () => START_SCRIPT);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Runtime dependencies stay in node_modules (better-sqlite3 above all: a native module), except
      // zod: every command validates through it, and one bundled chunk loads much faster than its
      // many modules (with every locale) from node_modules.
      externalizeDeps: { include: ['better-sqlite3'], exclude: ['zod'] },
      rolldownOptions: {
        input: {
          // The Electron main process.
          index: resolve(root, 'src/main/electron/main.ts'),
          // The `factdesk` command (bin/factdesk.mjs runs it).
          cli: resolve(root, 'src/main/cli/main.ts'),
          // The browser-mode server (scripts/web.mjs runs it).
          web: resolve(root, 'src/main/web/entry.ts'),
          // The Linux file-type registration (scripts/desktop-install.mjs runs it).
          'linux-file-type': resolve(root, 'src/main/desktop/linux-file-type.ts'),
          // The worker threads, loaded by these names (src/main/worker-entry.ts).
          'import-worker': resolve(root, 'src/main/import/parse-worker.ts'),
          'assist-worker': resolve(root, 'src/main/assist/worker.ts'),
          'exchange-worker': resolve(root, 'src/main/exchange/verify-worker.ts'),
          // The API service's own thread in browser mode (src/main/service-host/thread.ts).
          'service-thread': resolve(root, 'src/main/service-host/thread-entry.ts'),
          // The API service's utility process in Electron (src/main/electron/main.ts starts it).
          'service-process': resolve(root, 'src/main/electron/service-process.ts'),
        },
        // Chunks beside the entries, so a worker's file is next to whichever chunk starts it.
        output: { chunkFileNames: '[name]-[hash].js' },
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
      // Less to parse before the first paint (electron-vite leaves the renderer unminified by default).
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
        output: {
          // Few files on the way to the first screen: the entry's own modules, then the window's code in one
          // chunk beside App's, instead of a small chunk for every module the later-loaded views share with it.
          codeSplitting: {
            groups: [
              // The entry and what it sends the window's first request with.
              {
                name: 'start',
                test: /src[\\/](renderer[\\/](main|lib[\\/](api-client|routes|desktop-bridge))|shared[\\/]api[\\/]start-(calls|script))\.ts|vite[\\/]preload-helper/,
                priority: 2,
              },
              // Nothing of the API contract in the window's chunk (the renderer loads none of its schemas, see README).
              { name: 'window', test: (id) => !/node_modules[\\/]zod|src[\\/]shared[\\/]api[\\/]/.test(id), minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
    plugins: [svelte(), contentSecurityPolicy(), firstScreenPage(resolve(root, 'src/renderer/mount-app.ts'))],
  },
});
