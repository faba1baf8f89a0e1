// The entry is kept small: it asks for the open document's text at once, so the answer travels
// while the window's code (its own chunks, preloaded by index.html) loads and compiles;
// DocumentState takes the answer from there.
import { callEarly } from './lib/api-client';
import { routeFromHash } from './lib/routes';

const route = routeFromHash(location.hash);
if (route.name === 'document') callEarly('documents.text', { id: route.id });

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Not a top-level await: the window's chunks import modules of this entry chunk, which must finish first.
void import('./mount-app').then(({ mountApp }) => mountApp(target));
