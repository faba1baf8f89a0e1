/**
 * The working-view render benchmark; see run.mjs. Builds the library through the API service,
 * serves it in browser mode, and measures in headless Chromium, for articles of each size:
 *  (a) navigation -> the document view ready (its text and every mention starting in the first
 *      3,000 characters drawn as a highlight, + 2 frames), against the same text in a bare <pre> page;
 *  (b) label keystroke -> mention stored and highlighted, with 0 mentions and with the largest
 *      article's (one per 10 words); and, apart, keystroke -> highlight drawn (while it is being saved);
 *  (c) the JS heap after opening the largest annotated article.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadCorpus } from './corpus';
import { buildLibrary, planAnnotations, type BuiltArticle, type Plan } from './library';
import { startAppServer, startClientFloorServer, startPreServer, type AppServer, type PageServer } from './servers';

export interface RenderBenchmarkOptions {
  /** Words per article, one article of each size. */
  sizes: number[];
  /** Label operations per article. */
  operations: number;
  /** Page loads of each kind for (a). */
  loads: number;
  chromiumPath: string;
}

export const TARGETS = { loadRatio: 1.5, labelRatio: 1.2, heapMB: 300 };

const VIEWPORT = { width: 1440, height: 900 };
const PERSON_HOTKEY = '1';
/** One mention per this many words, one claim per this many. */
const WORDS_PER_MENTION = 10;
const WORDS_PER_CLAIM = 100;
/** Every mention starting before this offset must be drawn for the view to count as ready. */
const READY_CHARS = 3000;
const LOAD_TIMEOUT_MS = 120_000;
/** What probe.js logs once the page shows what it waits for (see openPage). */
const LOADED_SIGNAL = 'factdesk-bench: loaded';
const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

interface BenchWindow {
  __bench: {
    textAt: number | null;
    viewAt: number | null;
    readyAt: number | null;
    pending: Promise<LabelTimes> | null;
    select(start: number, end: number, word: string): Promise<void>;
    armHighlight(start: number, end: number): void;
  };
}

/** Keydown -> the new mention drawn (painted) and drawn as stored (stored), in ms. */
interface LabelTimes {
  painted: number;
  stored: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const s = sorted(values);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (values: number[]) => sorted(values)[Math.ceil(values.length * 0.95) - 1];
const twoPlaces = (value: number) => Math.round(value * 100) / 100;
const ratio = (a: number, b: number) => twoPlaces(a / b);

/**
 * Opens `url` in a fresh page with the probe, and waits until it is ready (its text shown, and in the
 * app's document view the mentions `config` lists drawn). The wait is the probe's console message, not a Playwright poll: a poll
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
    const { textAt, viewAt, readyAt } = (globalThis as unknown as BenchWindow).__bench;
    return { textAt, viewAt, readyAt };
  });

/** The page's JS heap in use now (MB), as Chromium's DevTools metrics give it. */
async function usedHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

async function timeLoad(browser: Browser, url: string, config: Record<string, unknown>) {
  const page = await openPage(browser, url, config);
  try {
    const probe = await probeOf(page);
    return { textMs: probe.textAt!, viewMs: probe.viewAt, readyMs: probe.readyAt!, heapMB: await usedHeapMB(page) };
  } finally {
    await page.close();
  }
}

/** Selects each target word and presses the Person hotkey; ms from keydown to the highlight drawn, and drawn as stored. */
async function labelAll(page: Page, targets: Plan['targets']): Promise<LabelTimes[]> {
  const times: LabelTimes[] = [];
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

interface SizeRun {
  words: number;
  characters: number;
  mentions: number;
  claims: number;
  /** Mentions starting in the first READY_CHARS characters: the ones "ready" waits for. */
  readyMentions: number[][];
  marker: string;
  plan: Plan;
  annotated: BuiltArticle;
  pre: PageServer;
}

const roundedMedian = (values: number[]) => round(median(values));

export async function runRenderBenchmark(options: RenderBenchmarkOptions) {
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1];
  const articles = sizes.map((words) => {
    const corpus = loadCorpus(words);
    const title = `Moby-Dick, first ${words} words (annotated)`;
    const text = `${title}\n\n${corpus.body}\n`;
    const plan = planAnnotations(text, title.length, {
      mentions: Math.round(words / WORDS_PER_MENTION),
      claims: Math.round(words / WORDS_PER_CLAIM),
      targets: words === largest ? options.operations : 0
    });
    return { corpus, title, text, plan };
  });
  const big = articles[articles.length - 1];
  // The largest article again, unmarked: the title differs, not its length (the same offsets).
  const emptyText = big.text.replace('(annotated)', '(unmarked)_');

  const dataDir = mkdtempSync(join(tmpdir(), 'factdesk-bench-render-'));
  let app: AppServer | null = null;
  const pres: PageServer[] = [];
  let floor: PageServer | null = null;
  let browser: Browser | null = null;
  try {
    const library = await buildLibrary(dataDir, [
      ...articles.map(({ text, plan, corpus }) => ({ fileName: `moby-dick-${corpus.words}.txt`, text, plan })),
      { fileName: 'moby-dick-unmarked.txt', text: emptyText, plan: null }
    ]);
    const emptyId = library.articles[articles.length].id;
    app = await startAppServer(dataDir);
    floor = await startClientFloorServer(dataDir, app.token);
    const runs: SizeRun[] = [];
    for (const [i, { corpus, title, text, plan }] of articles.entries()) {
      const pre = await startPreServer(title, text);
      pres.push(pre);
      runs.push({
        words: corpus.words,
        characters: text.length,
        mentions: plan.mentions.length,
        claims: plan.claims.length,
        readyMentions: plan.mentions.filter((m) => m.start < READY_CHARS).map((m) => [m.start, m.end]),
        marker: corpus.body.slice(corpus.body.indexOf('\n\n') + 2).slice(0, 40),
        plan,
        annotated: library.articles[i],
        pre
      });
    }
    browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-timer-throttling']
    });
    const docUrl = (id: string) => `${app!.origin}/#/documents/${id}`;
    const pages = (run: SizeRun) => ({
      pre: { url: `${run.pre.origin}/`, config: { marker: run.marker } },
      floor: { url: `${floor!.origin}/#/documents/${run.annotated.id}`, config: { token: app!.token, marker: run.marker } },
      app: { url: docUrl(run.annotated.id), config: { token: app!.token, marker: run.marker, mentions: run.readyMentions } }
    });

    // The API's answers for the document view, after one call that meets a cold server.
    await apiCall<unknown>(app, 'documents.get', { id: runs[0].annotated.id });
    const answers = [];
    for (const run of runs) {
      const get = await apiCall<unknown>(app, 'documents.get', { id: run.annotated.id });
      const text = await apiCall<unknown>(app, 'documents.text', { id: run.annotated.id });
      const annotations = await apiCall<unknown>(app, 'documents.annotationColumns', { id: run.annotated.id });
      answers.push({
        words: run.words,
        serviceGetMs: run.annotated.serviceGet.ms,
        getHttpMs: round(get.ms),
        getJsonBytes: get.bytes,
        textHttpMs: round(text.ms),
        textJsonBytes: text.bytes,
        annotationsHttpMs: round(annotations.ms),
        annotationsJsonBytes: annotations.bytes
      });
    }

    // (a) Warm the servers up once, then take turns between the sizes and kinds of page load, so a
    // change in machine load hits them alike.
    const times = runs.map(() => ({
      pre: [] as number[],
      floor: [] as number[],
      early: [] as number[],
      view: [] as number[],
      ready: [] as number[],
      preHeap: [] as number[],
      readyHeap: [] as number[]
    }));
    for (let i = -1; i < options.loads; i++) {
      for (const [r, run] of runs.entries()) {
        const { pre, floor: floorPage, app: appPage } = pages(run);
        const preLoad = await timeLoad(browser, pre.url, pre.config);
        const floorLoad = await timeLoad(browser, floorPage.url, floorPage.config);
        const appLoad = await timeLoad(browser, appPage.url, appPage.config);
        if (i < 0) continue;
        times[r].pre.push(preLoad.readyMs);
        times[r].floor.push(floorLoad.readyMs);
        times[r].early.push(appLoad.textMs);
        times[r].view.push(appLoad.viewMs!);
        times[r].ready.push(appLoad.readyMs);
        times[r].preHeap.push(preLoad.heapMB);
        times[r].readyHeap.push(appLoad.heapMB);
      }
    }

    // (c) The largest annotated article, opened and settled; the same page then takes the label keystrokes.
    const bigRun = runs[runs.length - 1];
    const { page: annotatedPage, heap } = await heapAfterOpening(browser, docUrl(bigRun.annotated.id), pages(bigRun).app.config);

    // (b) Interleaved batches, so a change in machine load hits both articles alike.
    const emptyPage = await openPage(browser, docUrl(emptyId), { token: app.token, marker: bigRun.marker, mentions: [] });
    const labelled = { empty: [] as LabelTimes[], annotated: [] as LabelTimes[] };
    const batch = 25;
    const targets = bigRun.plan.targets;
    for (let from = 0; from < targets.length; from += batch) {
      const slice = targets.slice(from, from + batch);
      labelled.empty.push(...(await labelAll(emptyPage, slice)));
      labelled.annotated.push(...(await labelAll(annotatedPage, slice)));
    }
    const stored = {
      empty: (await apiCall<{ mentions: unknown[] }>(app, 'documents.get', { id: emptyId })).value.mentions.length,
      annotated: (await apiCall<{ mentions: unknown[] }>(app, 'documents.get', { id: bigRun.annotated.id })).value.mentions.length
    };
    if (stored.empty !== targets.length || stored.annotated !== bigRun.mentions + targets.length) {
      throw new Error(`Labelled mentions not all stored: ${JSON.stringify(stored)}`);
    }

    const load = runs.map((run, r) => {
      const t = times[r];
      const readyRatio = ratio(median(t.ready), median(t.pre));
      return {
        words: run.words,
        characters: run.characters,
        mentions: run.mentions,
        claims: run.claims,
        entities: run.annotated.entities,
        readyMentions: run.readyMentions.length,
        preMedianMs: roundedMedian(t.pre),
        readyMedianMs: roundedMedian(t.ready),
        readyToPreRatio: readyRatio,
        met: readyRatio <= TARGETS.loadRatio,
        // Secondary: the document view's own text before its highlights, and the early first screen.
        viewMedianMs: roundedMedian(t.view),
        earlyTextMedianMs: roundedMedian(t.early),
        // The client-rendering floor (see startClientFloorServer): where any page that asks the API
        // for its text after loading stands against the <pre> page.
        clientFloorMedianMs: roundedMedian(t.floor),
        clientFloorToPreRatio: ratio(median(t.floor), median(t.pre)),
        // The JS heap right after ready (no forced GC), the <pre> page's and the document view's.
        preHeapMedianMB: twoPlaces(median(t.preHeap)),
        readyHeapMedianMB: twoPlaces(median(t.readyHeap)),
        preMs: t.pre.map(round),
        readyMs: t.ready.map(round)
      };
    });
    const figures = (times: number[], base: number[]) => ({
      zeroMentions: { medianMs: roundedMedian(base), p95Ms: round(p95(base)) },
      annotated: { medianMs: roundedMedian(times), p95Ms: round(p95(times)) },
      medianRatio: ratio(median(times), median(base)),
      p95Ratio: ratio(p95(times), p95(base))
    });
    const of = (key: keyof LabelTimes) => figures(labelled.annotated.map((t) => t[key]), labelled.empty.map((t) => t[key]));
    const label = {
      operations: targets.length,
      mentions: bigRun.mentions,
      // Stored and highlighted: the figures the target is about.
      ...of('stored'),
      // Secondary: the highlight drawn the moment the key is pressed, while the library stores it.
      painted: of('painted')
    };
    const worstLoad = Math.max(...load.map((l) => l.readyToPreRatio));
    return {
      benchmark: 'render',
      article: {
        source: `${big.corpus.work}, chapters ${big.corpus.chapters}`,
        package: `${big.corpus.package}@${big.corpus.version}`
      },
      setupSeconds: library.setupSeconds,
      loads: options.loads,
      answers,
      load,
      label,
      heap,
      targets: {
        loadRatio: { target: TARGETS.loadRatio, worst: worstLoad, met: load.every((l) => l.met) },
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
    for (const pre of pres) await pre.stop();
    await floor?.stop();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
