/** out/main/web.js: what scripts/web.mjs and scripts/start.mjs run from the build. */
export { main } from './main';
export { resolveDataDir } from '../data-dir';
export { isSharedFileArgument } from '../../shared/shared-file-name';
