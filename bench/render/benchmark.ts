/**
 * The long-document render benchmark (issue 5, point 7); see run.mjs. Builds the library through
 * the API service, serves it in browser mode, and measures in headless Chromium:
 *  (a) navigation -> article text visible, against the same text in a bare <pre> page;
 *  (b) label keystroke -> mention stored and highlighted, with 0 and with 10,000 mentions;
 *  (c) the JS heap after opening the annotated article.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadCorpus } from './corpus';
import { buildLibrary, planAnnotations, type Plan } from './library';
import { startAppServer, startClientFloorServer, startPreServer, type AppServer, type PageServer } from './servers';

export interface RenderBenchmarkOptions {
  words: number;
  mentions: number;
  claims: number;
  /** Label operations per article. */
  operations: number;
  /** Page loads of each kind for (a). */
  loads: number;
  chromiumPath: string;
}

export const TARGETS = { loadRatio: 1.5, labelRatio: 1.2, heapMB: 300 };

const VIEWPORT = { width: 1440, height: 900 };
const PERSON_HOTKEY = '1';
const LOAD_TIMEOUT_MS = 120_000;
/** What probe.js logs once the page shows what it waits for (see openPage). */
const LOADED_SIGNAL = 'factdesk-bench: loaded';
const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

interface BenchWindow {
  __bench: {
    textAt: number | null;
    viewAt: number | null;
    highlightAt: number | null;
    pending: Promise<number> | null;
    select(start: number, end: number, word: string): Promise<void>;
    armHighlight(start: number, end: number): void;
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const s = sorted(values);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (values: number[]) => sorted(values)[Math.ceil(values.length * 0.95) - 1];
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * Opens `url` in a fresh page with the probe, and waits until it shows its text (and the highlight,
 * when `config` names one). The wait is the probe's console message, not a Playwright poll: a poll
 * would evaluate Playwright's own script in the page while it loads, and be timed with it.
 */
async function openPage(browser: Browser, url: string, config: Record<string, unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript({ content: `window.__benchConfig = ${JSON.stringify(config)};\n${PROBE}` });
  const loaded = page.waitForEvent('console', { predicate: (message) => message.text() === LOADED_SIGNAL, timeout: LOAD_TIMEOUT_MS });
  await page.goto(url);
  await loaded.catch(async (error: Error) => {
    throw new Error(`${url} did not show its text: ${JSON.stringify(await probeOf(page))}; ${error.message}`);
  });
  return page;
}

const probeOf = (page: Page) =>
  page.evaluate(() => {
    const { textAt, viewAt, highlightAt } = (globalThis as unknown as BenchWindow).__bench;
    return { textAt, viewAt, highlightAt };
  });

async function timeLoad(browser: Browser, url: string, config: Record<string, unknown>) {
  const page = await openPage(browser, url, config);
  try {
    const probe = await probeOf(page);
    return { textMs: probe.textAt!, viewMs: probe.viewAt, highlightMs: probe.highlightAt };
  } finally {
    await page.close();
  }
}

/** Selects each target word and presses the Person hotkey; ms from keydown to the highlight drawn. */
async function labelAll(page: Page, targets: Plan['targets']): Promise<number[]> {
  const times: number[] = [];
  await page.bringToFront();
  for (const target of targets) {
    const args = [target.start, target.end, target.word] as const;
    await page.evaluate(([s, e, w]) => (globalThis as unknown as BenchWindow).__bench.select(s, e, w), args);
    await page.evaluate(([s, e]) => (globalThis as unknown as BenchWindow).__bench.armHighlight(s, e), [target.start, target.end]);
    await page.keyboard.press(PERSON_HOTKEY);
    times.push(await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.pending!));
  }
  return times;
}

async function apiCall<T>(server: AppServer, method: string, input: unknown): Promise<{ value: T; ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input)
  });
  const body = await response.text();
  const ms = performance.now() - started;
  const result = JSON.parse(body) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return { value: result.value, ms, bytes: Buffer.byteLength(body) };
}

async function heapAfterOpening(browser: Browser, url: string, config: Record<string, unknown>) {
  const page = await openPage(browser, url, config);
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
  const usedMB = (await metric('JSHeapUsedSize')) / 2 ** 20;
  const totalMB = (await metric('JSHeapTotalSize')) / 2 ** 20;
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGcMB = (await metric('JSHeapUsedSize')) / 2 ** 20;
  const domNodes = await metric('Nodes');
  await cdp.detach();
  return { page, heap: { usedMB: round(usedMB), totalMB: round(totalMB), usedAfterGcMB: round(afterGcMB), domNodes } };
}

export async function runRenderBenchmark(options: RenderBenchmarkOptions) {
  const corpus = loadCorpus(options.words);
  // Two copies that differ only in the title line (same length, so the same offsets): the library
  // keeps one document per text, and one copy stays unmarked.
  const titles = { annotated: 'Moby-Dick, opening chapters (annotated)', empty: 'Moby-Dick, opening chapters (unmarked)_' };
  const texts = { annotated: `${titles.annotated}\n\n${corpus.body}\n`, empty: `${titles.empty}\n\n${corpus.body}\n` };
  const plan = planAnnotations(texts.annotated, titles.annotated.length, {
    mentions: options.mentions,
    claims: options.claims,
    targets: options.operations
  });
  const marker = corpus.body.slice(corpus.body.indexOf('\n\n') + 2).slice(0, 40);
  const firstScreenMention = plan.mentions[0];

  const dataDir = mkdtempSync(join(tmpdir(), 'factdesk-bench-render-'));
  let app: AppServer | null = null;
  let pre: PageServer | null = null;
  let floor: PageServer | null = null;
  let browser: Browser | null = null;
  try {
    const library = await buildLibrary(dataDir, texts, plan);
    app = await startAppServer(dataDir);
    pre = await startPreServer(titles.annotated, texts.annotated);
    floor = await startClientFloorServer(dataDir, app.token);
    browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-timer-throttling']
    });
    const docUrl = (id: string) => `${app!.origin}/#/documents/${id}`;
    const appConfig = {
      token: app.token,
      marker,
      highlight: `main article span.mention[data-s="${firstScreenMention.start}"]`
    };
    // The first call meets a cold server (nothing compiled or cached yet); then the usual case.
    const overHttp = await apiCall<unknown>(app, 'documents.get', { id: library.annotatedId });
    const warmGets: number[] = [];
    for (let i = 0; i < 3; i++) warmGets.push((await apiCall<unknown>(app, 'documents.get', { id: library.annotatedId })).ms);
    const parts = {
      text: await apiCall<unknown>(app, 'documents.text', { id: library.annotatedId }),
      annotations: await apiCall<unknown>(app, 'documents.annotations', { id: library.annotatedId })
    };

    // (a) Warm the servers up once, then take turns between the kinds of page load.
    const floorUrl = `${floor.origin}/#/documents/${library.annotatedId}`;
    const floorConfig = { token: app.token, marker };
    await timeLoad(browser, `${pre.origin}/`, { marker });
    await timeLoad(browser, floorUrl, floorConfig);
    await timeLoad(browser, docUrl(library.annotatedId), appConfig);
    const preTimes: number[] = [];
    const floorTimes: number[] = [];
    const appTimes: number[] = [];
    const viewTimes: number[] = [];
    const highlightTimes: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      preTimes.push((await timeLoad(browser, `${pre.origin}/`, { marker })).textMs);
      floorTimes.push((await timeLoad(browser, floorUrl, floorConfig)).textMs);
      const load = await timeLoad(browser, docUrl(library.annotatedId), appConfig);
      appTimes.push(load.textMs);
      viewTimes.push(load.viewMs!);
      highlightTimes.push(load.highlightMs!);
    }

    // (c) The annotated article, opened and settled; the same page then takes the label keystrokes.
    const { page: annotatedPage, heap } = await heapAfterOpening(browser, docUrl(library.annotatedId), appConfig);

    // (b) Interleaved batches, so a change in machine load hits both articles alike.
    const emptyPage = await openPage(browser, docUrl(library.emptyId), { token: app.token, marker });
    const labelled = { empty: [] as number[], annotated: [] as number[] };
    const batch = 25;
    for (let from = 0; from < plan.targets.length; from += batch) {
      const targets = plan.targets.slice(from, from + batch);
      labelled.empty.push(...(await labelAll(emptyPage, targets)));
      labelled.annotated.push(...(await labelAll(annotatedPage, targets)));
    }
    const stored = {
      empty: (await apiCall<{ mentions: unknown[] }>(app, 'documents.get', { id: library.emptyId })).value.mentions.length,
      annotated: (await apiCall<{ mentions: unknown[] }>(app, 'documents.get', { id: library.annotatedId })).value.mentions.length
    };
    if (stored.empty !== plan.targets.length || stored.annotated !== plan.mentions.length + plan.targets.length) {
      throw new Error(`Labelled mentions not all stored: ${JSON.stringify(stored)}`);
    }

    const load = {
      preMedianMs: round(median(preTimes)),
      appMedianMs: round(median(appTimes)),
      ratio: ratio(median(appTimes), median(preTimes)),
      // The client-rendering floor (see startClientFloorServer): where any page that asks the API
      // for its text after loading stands against the <pre> page, and the app against that page.
      clientFloorMedianMs: round(median(floorTimes)),
      clientFloorToPreRatio: ratio(median(floorTimes), median(preTimes)),
      appToClientFloorRatio: ratio(median(appTimes), median(floorTimes)),
      // The text in the document view itself (after the early first screen), and its first mention highlighted.
      appViewMedianMs: round(median(viewTimes)),
      appHighlightsMedianMs: round(median(highlightTimes)),
      runs: options.loads,
      preMs: preTimes.map(round),
      clientFloorMs: floorTimes.map(round),
      appMs: appTimes.map(round)
    };
    const label = {
      operations: plan.targets.length,
      zeroMentions: { medianMs: round(median(labelled.empty)), p95Ms: round(p95(labelled.empty)) },
      tenThousandMentions: { medianMs: round(median(labelled.annotated)), p95Ms: round(p95(labelled.annotated)) },
      medianRatio: ratio(median(labelled.annotated), median(labelled.empty)),
      p95Ratio: ratio(p95(labelled.annotated), p95(labelled.empty))
    };
    return {
      benchmark: 'render',
      article: {
        source: `${corpus.work}, chapters ${corpus.chapters}`,
        package: `${corpus.package}@${corpus.version}`,
        words: corpus.words,
        characters: texts.annotated.length,
        mentions: plan.mentions.length,
        claims: plan.claims.length,
        entities: library.entities
      },
      setupSeconds: library.setupSeconds,
      documentsGet: {
        serviceMs: library.serviceGet.ms,
        firstHttpMs: round(overHttp.ms),
        warmHttpMedianMs: round(median(warmGets)),
        jsonBytes: overHttp.bytes,
        // What the document view asks for instead: the text first, then the annotations.
        textHttpMs: round(parts.text.ms),
        textJsonBytes: parts.text.bytes,
        annotationsHttpMs: round(parts.annotations.ms),
        annotationsJsonBytes: parts.annotations.bytes
      },
      load,
      label,
      heap,
      targets: {
        loadRatio: { target: TARGETS.loadRatio, value: load.ratio, met: load.ratio <= TARGETS.loadRatio },
        labelRatio: {
          target: TARGETS.labelRatio,
          value: label.medianRatio,
          met: label.medianRatio <= TARGETS.labelRatio,
          p95Met: label.p95Ratio <= TARGETS.labelRatio
        },
        heapMB: { target: TARGETS.heapMB, value: heap.usedMB, met: heap.usedMB <= TARGETS.heapMB }
      },
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage: loadavg().map((l) => round(l)) }
    };
  } finally {
    await browser?.close();
    await pre?.stop();
    await floor?.stop();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
