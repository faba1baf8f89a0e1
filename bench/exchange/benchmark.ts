/**
 * Builds an annotation file over Moby-Dick and times opening it (new document and merge) against
 * plain inserts of the same rows, and re-anchoring after random edits (see run.mjs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../../src/main/api/service';
import { type FileVerifier, inlineVerifier } from '../../src/main/exchange/file-verifier';
import { loadFileSchemaCheck, readAnnotationFile } from '../../src/main/exchange/read-file';
import { type MentionRow, mentionRow } from '../../src/main/store/mentions';
import { type Db, openLibrary } from '../../src/main/store/open';
import { anchorAll, type AnchorTarget } from '../../src/shared/anchoring/anchor';
import { CodePointIndex } from '../../src/shared/anchoring/code-points';
import { selectorsOf } from '../../src/shared/anchoring/selectors';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/result';
import { quoteAt } from '../../src/shared/text/spans';
import { loadCorpus } from '../render/corpus';
import { firstOpenInNewProcess } from './first-open';

export interface BenchmarkOptions {
  words: number;
  annotations: number;
  runs: number;
}

/** A small deterministic generator (mulberry32), so every run edits and annotates the same places. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Timing {
  ms: number;
  /** CPU time of this process (user + system): steadier than wall-clock time when other work shares the machine. */
  cpuMs: number;
}

async function timed<T>(fn: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  // Synchronous work is measured without waiting a turn.
  const value = result instanceof Promise ? await result : result;
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}
const round = (ms: number) => Math.round(ms * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

const MENTION_INSERT = `INSERT INTO mentions (id, document_id, start, "end", exact, prefix, suffix, type, entity_id, origin, status,
  masked, restoration, author, created_at, updated_at) VALUES (@id, @document_id, @start, @end, @exact, @prefix, @suffix, @type,
  @entity_id, @origin, @status, @masked, @restoration, @author, @created_at, @updated_at)`;
const DOCUMENT_COLUMNS = 'id, title, format, source_json, text, sha256, blocks_json, imported_at, updated_at';
const DOCUMENT_INSERT = `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (@id, @title, @format, @source_json, @text, @sha256, @blocks_json, @imported_at, @updated_at)`;

// The writes an open cannot drop: the exchanged states kept as the file's set of bases, and one history row for the records it adds.
const HISTORY_INSERT = `INSERT INTO history (group_id, document_id, at, user, action, table_name, record_id, before_json, after_json, kind, state, entries)
  VALUES ('bench', ?, '2026-01-01T00:00:00.000Z', 'Bench Checker', 'exchange.open', 'received_records', '1', NULL, ?, 'log', 'final', ?)`;
const BASE_SET_INSERT = 'INSERT INTO exchange_base_sets (document_id, records_json, contents_json) VALUES (?, ?, ?)';

interface Library {
  db: Db;
  dir: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** A library in a temp folder with a service over it; `fileVerifier` as the service's (default: the app's, a worker thread). */
function library(name: string, libraries: Library[], fileVerifier?: FileVerifier): Library {
  const dir = mkdtempSync(join(tmpdir(), `factdesk-bench-exchange-${name}-`));
  const db = openLibrary(dir);
  const service = createService({ db, mode: 'cli', version: 'bench', ...(fileVerifier && { fileVerifier }) });
  const lib: Library = {
    db,
    dir,
    async call(method, input) {
      const result = (await service.call(method, input)) as Result<MethodOutput<typeof method>>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    }
  };
  libraries.push(lib);
  return lib;
}

/** Mentions of whole words at random word starts. */
function mentionRows(text: string, documentId: string, count: number, rnd: () => number): MentionRow[] {
  const starts: number[] = [];
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'-]*/g)) starts.push(match.index);
  if (starts.length < count) throw new Error(`The text has ${starts.length} words; ${count} annotations were asked for.`);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(starts[Math.floor(rnd() * starts.length)]!);
  return [...chosen].map((start) => {
    const end = start + /^[A-Za-z][A-Za-z'-]*/.exec(text.slice(start, start + 64))![0].length;
    return mentionRow({
      id: crypto.randomUUID(),
      documentId,
      start,
      end,
      ...quoteAt(text, start, end),
      type: 'person',
      entityId: null,
      origin: 'manual',
      status: 'accepted',
      masked: false,
      restoration: null,
      author: 'Bench Checker',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z'
    });
  });
}

/**
 * Edits ~1% of the code points (a third inserted before, a third deleted, a third replaced) and
 * returns the edited text with where each original UTF-16 position went.
 */
function editText(text: string, rnd: () => number): { edited: string; moved: Int32Array; edits: number } {
  const moved = new Int32Array(text.length + 1);
  let edited = '';
  let edits = 0;
  let u16 = 0;
  for (const char of text) {
    const r = rnd();
    if (r < 0.0033) edited += 'x';
    moved[u16] = edited.length;
    u16 += char.length;
    if (r < 0.01) edits += 1;
    if (r >= 0.0033 && r < 0.0066) continue;
    edited += r >= 0.0066 && r < 0.01 ? 'Q' : char;
  }
  moved[u16] = edited.length;
  return { edited, moved, edits };
}

function reanchor(text: string, rows: MentionRow[], rnd: () => number) {
  const { edited, moved, edits } = editText(text, rnd);
  const index = new CodePointIndex(text);
  const targets: AnchorTarget[] = rows.map((row) => {
    const [quote, position] = selectorsOf(index, quoteAt(text, row.start, row.end), row.start, row.end);
    return { quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, position: { start: position.start, end: position.end } };
  });
  const started = performance.now();
  const results = anchorAll(edited, targets);
  const ms = performance.now() - started;
  let exact = 0;
  let fuzzy = 0;
  let correct = 0;
  let correctStrict = 0;
  results.forEach((result, i) => {
    if (!result.ok) return;
    if (result.value.method === 'fuzzy') fuzzy += 1;
    else exact += 1;
    const row = rows[i]!;
    const dStart = Math.abs(result.value.start - moved[row.start]!);
    const dEnd = Math.abs(result.value.end - moved[row.end]!);
    // ±1: an insertion right at a span's edge may fairly go either side of it.
    if (dStart <= 1 && dEnd <= 1) correct += 1;
    if (dStart === 0 && dEnd === 0) correctStrict += 1;
  });
  return {
    annotations: rows.length,
    codePointsEdited: edits,
    editedShare: Math.round((edits / index.length) * 10000) / 10000,
    ms: round(ms),
    placed: { exact, fuzzy, orphaned: rows.length - exact - fuzzy },
    placedCorrectly: correct,
    placedCorrectlyShare: Math.round((correct / rows.length) * 10000) / 10000,
    placedAtExactOffsets: correctStrict
  };
}

/** Times plain prepared inserts of the document and rows in one transaction (with `logged`: their base set and history row too). */
function plainInserts(db: Db, documentRow: unknown, rows: MentionRow[], logged: boolean): Promise<Timing> {
  const insertDocument = db.prepare(DOCUMENT_INSERT);
  const insertMention = db.prepare(MENTION_INSERT);
  const insertHistory = db.prepare(HISTORY_INSERT);
  const insertBaseSet = db.prepare(BASE_SET_INSERT);
  return timed(() =>
    db.transaction(() => {
      insertDocument.run(documentRow);
      for (const row of rows) insertMention.run(row);
      if (!logged || rows.length === 0) return;
      const records = JSON.stringify(rows.map((row) => ['mention', row.id, 'f'.repeat(64)]));
      insertBaseSet.run(rows[0]!.document_id, records, JSON.stringify(rows));
      insertHistory.run(rows[0]!.document_id, JSON.stringify(rows.map((row, index) => [index, row.start, row.end])), rows.length);
    })()
  );
}

/** A news article's length, and the annotations a checker marks in it, for the first open of a session. */
const FIRST_OPEN_WORDS = 2_000;
const FIRST_OPEN_ANNOTATIONS = 100;

/** Packs an article with its annotations and times opening the file as the first thing a new `factdesk` process does. */
async function firstOpenOfSession(libraries: Library[], runs: number) {
  const source = library('first-source', libraries);
  await source.call('settings.update', { userName: 'Bench Checker' });
  const corpus = loadCorpus(FIRST_OPEN_WORDS);
  const { document } = await source.call('documents.import', { fileName: 'article.txt', dataBase64: Buffer.from(corpus.body).toString('base64') });
  const text = source.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(document.id) as string;
  const insert = source.db.prepare(MENTION_INSERT);
  const rows = mentionRows(text, document.id, FIRST_OPEN_ANNOTATIONS, random(11));
  source.db.transaction(() => rows.forEach((row) => insert.run(row)))();
  const packed = await source.call('exchange.pack', { documentId: document.id });
  const { openMs, listMs } = firstOpenInNewProcess(packed.content, runs);
  return {
    words: corpus.words,
    annotations: FIRST_OPEN_ANNOTATIONS,
    fileKB: Math.round(packed.content.length / 1000),
    openCommandMs: { median: round(median(openMs)), all: openMs.map(round) },
    listCommandMs: { median: round(median(listMs)), all: listMs.map(round) },
    firstOpenMs: round(median(openMs) - median(listMs))
  };
}

export async function runExchangeBenchmark({ words, annotations, runs }: BenchmarkOptions) {
  const libraries: Library[] = [];
  try {
    // The worker's checks gain only with a core to spare: the load says how busy the machine was.
    const loadBefore = loadavg()[0]!;
    const corpus = loadCorpus(words);
    const rnd = random(7);
    const source = library('source', libraries);
    await source.call('settings.update', { userName: 'Bench Checker' });
    const { document } = await source.call('documents.import', { fileName: 'moby-dick.txt', dataBase64: Buffer.from(corpus.body).toString('base64') });
    const text = source.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(document.id) as string;
    const rows = mentionRows(text, document.id, annotations, rnd);
    const documentRow = source.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`).get(document.id);
    const insert = source.db.prepare(MENTION_INSERT);
    source.db.transaction(() => rows.forEach((row) => insert.run(row)))();

    const packStart = performance.now();
    const packed = await source.call('exchange.pack', { documentId: document.id });
    const packMs = performance.now() - packStart;
    const upload = { fileName: 'moby-dick.factdesk.json', dataBase64: Buffer.from(packed.content).toString('base64') };

    // Reading and checking the file (decode, parse, schema, hashes) is part of every open; timed alone too.
    const bytes = Buffer.from(packed.content);
    const readMs: number[] = [];
    const openMs: number[] = [];
    const mergeMs: number[] = [];
    // The same open and merge with every check before the writes, on one thread (as where no worker can help).
    const sequentialMs = { open: [] as number[], merge: [] as number[] };
    const plainMs: number[] = [];
    const floorMs: number[] = [];
    const cpuMs = { read: [] as number[], open: [] as number[], merge: [] as number[], plain: [] as number[] };
    let reports: { open?: unknown; merge?: unknown } = {};
    const fileSchemaCheck = await loadFileSchemaCheck();
    for (let run = 0; run < runs; run += 1) {
      const checked = await timed(() => readAnnotationFile(upload.fileName, bytes, fileSchemaCheck));
      if (!checked.value.ok) throw new Error('The packed file does not read back.');
      readMs.push(checked.ms);
      cpuMs.read.push(checked.cpuMs);
      const target = library(`open-${run}`, libraries);
      const { value: opened, ...openTime } = await timed(() => target.call('exchange.open', upload));
      openMs.push(openTime.ms);
      cpuMs.open.push(openTime.cpuMs);
      const { value: merged, ...mergeTime } = await timed(() => target.call('exchange.open', upload));
      mergeMs.push(mergeTime.ms);
      cpuMs.merge.push(mergeTime.cpuMs);
      const sequential = library(`sequential-${run}`, libraries, inlineVerifier);
      sequentialMs.open.push((await timed(() => sequential.call('exchange.open', upload))).ms);
      sequentialMs.merge.push((await timed(() => sequential.call('exchange.open', upload))).ms);
      reports = { open: { outcome: opened.outcome, anchoring: opened.anchoring, records: opened.records }, merge: { outcome: merged.outcome, records: merged.records, conflicts: merged.conflicts } };

      // The baseline: the same document and mention rows into an empty library, one transaction, prepared statements.
      const plainTime = await plainInserts(library(`plain-${run}`, libraries).db, documentRow, rows, false);
      plainMs.push(plainTime.ms);
      cpuMs.plain.push(plainTime.cpuMs);
      // The floor: the same, plus the set of bases the file leaves and the one history row for the records it adds.
      floorMs.push((await plainInserts(library(`floor-${run}`, libraries).db, documentRow, rows, true)).ms);
    }

    const firstOpen = await firstOpenOfSession(libraries, runs);

    const open = median(openMs);
    const merge = median(mergeMs);
    const plain = median(plainMs);
    const read = median(readMs);
    const floor = median(floorMs);
    return {
      machine: { cores: availableParallelism(), loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) } },
      corpus: { work: corpus.work, package: `${corpus.package}@${corpus.version}`, chapters: corpus.chapters, words: corpus.words, codePoints: new CodePointIndex(text).length },
      annotations,
      runs,
      fileMB: Math.round((packed.content.length / 1e6) * 100) / 100,
      packMs: round(packMs),
      openIntoEmptyMs: { median: round(open), all: openMs.map(round) },
      mergeIntoSameMs: { median: round(merge), all: mergeMs.map(round) },
      checksBeforeWritesMs: {
        open: { median: round(median(sequentialMs.open)), all: sequentialMs.open.map(round) },
        merge: { median: round(median(sequentialMs.merge)), all: sequentialMs.merge.map(round) }
      },
      plainInsertsMs: { median: round(plain), all: plainMs.map(round) },
      plainInsertsWithHistoryAndBasesMs: { median: round(floor), all: floorMs.map(round) },
      firstOpenOfSession: firstOpen,
      readAndCheckFileMs: { median: round(read), all: readMs.map(round) },
      ratios: {
        openToPlain: ratio(open, plain),
        mergeToPlain: ratio(merge, plain),
        openChecksBeforeWritesToPlain: ratio(median(sequentialMs.open), plain),
        mergeChecksBeforeWritesToPlain: ratio(median(sequentialMs.merge), plain),
        // What the writes cost: the sequential open less its reading (the app's open overlaps the two).
        openWithoutReadingToPlain: ratio(median(sequentialMs.open) - read, plain),
        mergeWithoutReadingToPlain: ratio(median(sequentialMs.merge) - read, plain),
        floorToPlain: ratio(floor, plain),
        // Against plain inserts of every row an open writes (records, their history rows and bases).
        openToPlainWithHistoryAndBases: ratio(open, floor),
        mergeToPlainWithHistoryAndBases: ratio(merge, floor),
        target: 3
      },
      cpuMs: {
        read: round(median(cpuMs.read)),
        open: round(median(cpuMs.open)),
        merge: round(median(cpuMs.merge)),
        plain: round(median(cpuMs.plain)),
        openToPlain: ratio(median(cpuMs.open), median(cpuMs.plain)),
        mergeToPlain: ratio(median(cpuMs.merge), median(cpuMs.plain))
      },
      reports,
      reanchoring: { ...reanchor(text, rows, rnd), targetMs: 2000, targetShare: 0.99 }
    };
  } finally {
    for (const lib of libraries) {
      lib.db.close();
      rmSync(lib.dir, { recursive: true, force: true });
    }
  }
}
