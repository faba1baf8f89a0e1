/**
 * Browser mode serves the built renderer (out/renderer). Before starting, rebuild it when
 * index.html is missing or older than any renderer or shared source, so `npm run web`
 * never serves a stale UI.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sources the renderer bundle is built from, relative to the project root. */
const RENDERER_INPUTS = ['src/renderer', 'src/shared', 'electron.vite.config.ts'];

export function rendererOutDir(projectRoot: string): string {
  return join(projectRoot, 'out', 'renderer');
}

export function rendererIsStale(projectRoot: string): boolean {
  const index = join(rendererOutDir(projectRoot), 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return RENDERER_INPUTS.some((input) => newestMtime(join(projectRoot, input)) > builtAt);
}

/** Newest modification time of a file or of a tree; folders count too, so a deleted source also triggers a build. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Runs `electron-vite build`. Its progress goes to stderr so stdout keeps only the ready line.
 * Resolves with an error message on failure, null on success.
 */
export function buildRenderer(projectRoot: string): Promise<string | null> {
  const cli = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'build'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
    child.on('error', (error) => done(`could not run electron-vite: ${error.message}`));
    child.on('exit', (code, signal) =>
      done(code === 0 ? null : `electron-vite build failed (${signal ?? `exit code ${code}`})`)
    );
  });
}
