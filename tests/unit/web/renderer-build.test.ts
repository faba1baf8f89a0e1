import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rendererIsStale, rendererOutDir } from '../../../src/main/web/renderer-build';

let root: string;

function age(path: string, seconds: number): void {
  const time = new Date(Date.now() - seconds * 1000);
  utimesSync(path, time, time);
}

function file(path: string, ageSeconds: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  age(full, ageSeconds);
}

/** Folders get the age of the sources, as in a checkout that was not touched since. */
function ageFolders(seconds: number): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) age(join(entry.parentPath, entry.name), seconds);
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'factdesk-build-'));
  file('src/renderer/App.svelte', 300);
  file('src/shared/domain.ts', 300);
  file('electron.vite.config.ts', 300);
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  mkdirSync(join(root, 'src', 'renderer', 'lib', 'deep'), { recursive: true });
  mkdirSync(join(root, 'src', 'main', 'cli'), { recursive: true });
  ageFolders(300);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('rendererIsStale', () => {
  it('is stale when nothing was built yet', () => {
    expect(rendererOutDir(root)).toBe(join(root, 'out', 'renderer'));
    expect(rendererIsStale(root)).toBe(true);
  });

  it('is fresh when index.html is newer than every source', () => {
    file('out/renderer/index.html', 100);
    expect(rendererIsStale(root)).toBe(false);
  });

  it.each(['src/renderer/lib/deep/view.svelte', 'src/shared/api/contract.ts', 'electron.vite.config.ts'])(
    'is stale when %s changed after the build',
    (changed) => {
      file('out/renderer/index.html', 100);
      file(changed, 10);
      expect(rendererIsStale(root)).toBe(true);
    }
  );

  it('is stale when a source file was deleted after the build', () => {
    file('src/renderer/Old.svelte', 300);
    ageFolders(300);
    file('out/renderer/index.html', 100);
    expect(rendererIsStale(root)).toBe(false);
    rmSync(join(root, 'src/renderer/Old.svelte'));
    expect(rendererIsStale(root)).toBe(true);
  });

  it('ignores changes outside the renderer’s inputs', () => {
    file('out/renderer/index.html', 100);
    file('src/main/cli/main.ts', 10);
    expect(rendererIsStale(root)).toBe(false);
  });
});
