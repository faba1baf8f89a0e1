/**
 * The CLI tests run bin/factdesk.mjs, and workers run from out/main, so out/ is built first when it
 * is missing or older than the sources (as `npm start` and `npm run web` do).
 */
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  const failure = await buildIfStale(fileURLToPath(new URL('../..', import.meta.url)));
  if (failure) throw new Error(`Cannot build Factdesk for the tests: ${failure}`);
}
