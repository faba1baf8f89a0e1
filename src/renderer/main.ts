// The entry is kept small: it asks for everything the window starts with in one request (startEarly in
// lib/api-client.ts), then loads the window's code, which index.html already fetches beside it
// (modulepreload), and mounts it; the window takes the answers that request brings. The page runs this
// script as soon as it is loaded (async), so the page may still be parsing: mounting waits for it.
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
