/**
 * The first shared file a session opens, as a user waits for it: the built `factdesk open` command
 * in a new process and a new library, against `factdesk list` in the same conditions (process start,
 * loading the command, creating the library). The difference is what the first open adds: its
 * modules, the checking worker's start and the file's checks and writes, with nothing warmed up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'factdesk.mjs');

/** Runs `factdesk ARGS` with `--data` a new library folder; its wall-clock time in ms. */
function commandMs(args: string[]): number {
  const data = mkdtempSync(join(tmpdir(), 'factdesk-bench-first-open-'));
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, ...args, '--data', data], { encoding: 'utf8' });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`factdesk ${args[0]} failed (${run.status}): ${run.stderr}`);
    return ms;
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** The times of `runs` pairs of commands, open then list, on a copy of `content` (an annotation file). */
export function firstOpenInNewProcess(content: string, runs: number): { openMs: number[]; listMs: number[] } {
  const folder = mkdtempSync(join(tmpdir(), 'factdesk-bench-first-file-'));
  try {
    const file = join(folder, 'first.factdesk.json');
    writeFileSync(file, content);
    const times = { openMs: [] as number[], listMs: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
      times.openMs.push(commandMs(['open', file]));
      times.listMs.push(commandMs(['list']));
    }
    return times;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
