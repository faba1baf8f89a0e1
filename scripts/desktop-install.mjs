#!/usr/bin/env node
// `npm run desktop:install [-- --data DIR]`: makes Factdesk the application that opens
// *.factdesk.json files on this Linux desktop, for the current user (src/main/desktop/linux-file-type.ts).
// The desktop entry starts `npm start`'s script with the file; `--data DIR` is kept in it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

if (process.platform !== 'linux') {
  console.error('factdesk: desktop:install registers the file type on Linux desktops; on macOS and Windows a packaged build declares it.');
  process.exit(1);
}
const buildFailure = await buildIfStale(ROOT);
if (buildFailure) {
  console.error(`factdesk: ${buildFailure}`);
  process.exit(1);
}
const { installLinuxFileType } = await import(pathToFileURL(join(ROOT, 'out', 'main', 'linux-file-type.js')).href);
const result = installLinuxFileType({
  dataHome: process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'),
  mimeXmlPath: join(ROOT, 'resources', 'linux', 'factdesk-mime.xml'),
  launch: [process.execPath, join(ROOT, 'scripts', 'start.mjs'), ...process.argv.slice(2)],
  env: process.env
});
if (!result.ok) {
  console.error(`factdesk: could not register the file type: ${result.error.message}`);
  process.exit(1);
}
console.log(`Registered *.factdesk.json for Factdesk: ${result.value.desktopEntry}, ${result.value.mimePackage}`);
