/**
 * Where a worker thread's code is. Every worker is bundled as its own entry into out/main/, beside
 * every chunk of the main build (electron.vite.config.ts keeps that folder flat), so bundled code
 * finds it next to itself. Run from the sources (the unit tests), this module uses the last build.
 */
export type WorkerName = 'import-worker' | 'assist-worker' | 'exchange-worker' | 'service-thread';

export function workerEntry(name: WorkerName): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL(`../../out/main/${name}.js`, here) : new URL(`./${name}.js`, here);
}
