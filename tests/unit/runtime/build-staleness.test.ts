/** scripts/build.mjs: npm start, npm run web and the unit tests build out/ only when it is missing or older than a source. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildIsStale } from '../../../scripts/build.mjs';

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

const built = (ageSeconds: number) => BUILD_OUTPUTS.forEach((output) => file(output, ageSeconds));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'factdesk-build-'));
  for (const source of ['src/renderer/App.svelte', 'src/main/cli/main.ts', 'resources/labels.default.json', 'electron.vite.config.ts', 'package.json']) {
    file(source, 300);
  }
  mkdirSync(join(root, 'src', 'renderer', 'lib', 'deep'), { recursive: true });
  ageFolders(300);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildIsStale', () => {
  it('is stale when nothing was built yet, or when one output is missing', () => {
    expect(buildIsStale(root)).toBe(true);
    built(100);
    expect(buildIsStale(root)).toBe(false);
    rmSync(join(root, 'out/main/cli.js'));
    expect(buildIsStale(root)).toBe(true);
  });

  it.each(['src/renderer/lib/deep/view.svelte', 'src/main/cli/main.ts', 'resources/labels.default.json', 'electron.vite.config.ts', 'package.json'])(
    'is stale when %s changed after the build',
    (changed) => {
      built(100);
      file(changed, 10);
      expect(buildIsStale(root)).toBe(true);
    }
  );

  it('is stale when a source file was deleted after the build', () => {
    file('src/renderer/Old.svelte', 300);
    ageFolders(300);
    built(100);
    expect(buildIsStale(root)).toBe(false);
    rmSync(join(root, 'src/renderer/Old.svelte'));
    expect(buildIsStale(root)).toBe(true);
  });

  it('ignores changes outside the build’s inputs (tests, docs)', () => {
    built(100);
    file('tests/unit/new.test.ts', 10);
    file('README.md', 10);
    expect(buildIsStale(root)).toBe(false);
  });
});
