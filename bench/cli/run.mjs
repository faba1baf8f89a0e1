#!/usr/bin/env node
// CLI start-up benchmark (npm run bench:cli): the built `factdesk list`, `show ID` and `gaps ID`
// on a small library, each against a bare Node start (`node -e 0`) timed in the same run, in turns,
// and the browser mode's time to its ready line. Prints JSON: median and fastest wall time, peak
// memory (getrusage maxrss, written by peak-rss.mjs), the ratio to the bare start and the targets.
// Options by environment: BENCH_RUNS (default 15), BENCH_WEB_RUNS (default 5).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from '../../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin', 'factdesk.mjs');
const PEAK_RSS = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WEB_RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const TARGETS = { ratioToBareNode: 3, peakRssMb: 120, webReadyMs: 1500 };

const failure = await buildIfStale(ROOT);
if (failure) throw new Error(failure);

const work = mkdtempSync(join(tmpdir(), 'factdesk-bench-cli-'));
const data = join(work, 'library');
const rssFile = join(work, 'rss');
try {
  const cli = (...args) => {
    const run = spawnSync(process.execPath, [CLI, ...args, '--data', data], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`factdesk ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  cli('import', join(ROOT, 'tests', 'fixtures', 'articles', 'sample-ap-2018.txt'));
  const [document] = JSON.parse(cli('list', '--json'));

  const subjects = {
    bareNode: ['-e', '0'],
    list: [CLI, 'list', '--data', data],
    show: [CLI, 'show', document.id, '--data', data],
    gaps: [CLI, 'gaps', document.id, '--data', data],
  };
  const samples = Object.fromEntries(Object.keys(subjects).map((name) => [name, { wallMs: [], peakRssMb: [] }]));
  // In turns, so a change in the machine's load hits every subject alike.
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, args] of Object.entries(subjects)) samples[name] = addSample(samples[name], args);
  }

  const floor = summary(samples.bareNode);
  const commands = Object.fromEntries(
    ['list', 'show', 'gaps'].map((name) => {
      const result = summary(samples[name]);
      return [name, { ...result, ratioToBareNode: round(result.wallMs.median / floor.wallMs.median) }];
    }),
  );
  const web = [];
  for (let run = 0; run < WEB_RUNS; run += 1) web.push(await webReadyMs(join(work, `web-${run}`)));

  const webReady = stats(web);
  const result = {
    machine: { cpus: availableParallelism(), loadAverage: loadavg().map(round), node: process.version },
    runs: RUNS,
    bareNode: floor,
    commands,
    webReadyMs: webReady,
    targets: TARGETS,
    withinTargets: {
      commands: Object.values(commands).every(
        (command) => command.ratioToBareNode <= TARGETS.ratioToBareNode && command.peakRssMb.max <= TARGETS.peakRssMb,
      ),
      web: webReady.median <= TARGETS.webReadyMs,
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function addSample(sample, args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(PEAK_RSS).href, ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024;
  return { wallMs: [...sample.wallMs, wallMs], peakRssMb: [...sample.peakRssMb, peakRssMb] };
}

/** `npm run web` from its start to the ready line, on an empty library of its own. */
function webReadyMs(dataDir) {
  const started = process.hrtime.bigint();
  const server = spawn('npm', ['run', '--silent', 'web', '--', '--port', '0', '--no-open', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`npm run web exited (${code}) before it was ready`)));
    createInterface({ input: server.stdout }).on('line', (line) => {
      if (!line.startsWith('Factdesk ready at ')) return;
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      server.removeAllListeners('exit');
      server.once('exit', () => resolve(elapsed));
      // npm, its shell and the server: the whole group.
      process.kill(-server.pid, 'SIGTERM');
    });
  });
}

function summary(sample) {
  return { wallMs: stats(sample.wallMs), peakRssMb: stats(sample.peakRssMb) };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)) };
}

function round(value) {
  return Math.round(value * 10) / 10;
}
