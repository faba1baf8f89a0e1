// The entry is kept small: it takes the one request for everything the window starts with, which the
// page's inline script already sent, or sends it (startEarly in lib/api-client.ts); then it loads the
// window's code, which index.html already fetches beside it (modulepreload), and mounts it. The window
// takes the answers that request brings. The page runs this script as soon as it is loaded (async), so
// the page may still be parsing: mounting waits for it.
import { startEarly } from './lib/api-client';
import { routeFromHash } from './lib/routes';

const route = routeFromHash(location.hash);
startEarly(route.name === 'document' ? route.id : undefined);

const parsed =
  document.readyState === 'loading'
    ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();

void Promise.all([parsed, import('./mount-app')]).then(([, { mountApp }]) => {
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element');
  mountApp(target);
});
