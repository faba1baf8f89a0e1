/** Builds the benchmark library through the API and times each fact-sheet format (see run.mjs). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../../src/main/api/service';
import { buildFactSheet } from '../../src/main/export/fact-sheet';
import { getSettings } from '../../src/main/store/settings';
import { openLibrary } from '../../src/main/store/open';
import { FACT_SHEET_FORMATS } from '../../src/shared/api/methods/export';
import { serviceCaller } from '../service-call';

export interface BenchmarkOptions {
  claims: number;
  evidencePerClaim: number;
  runs: number;
}

const VERDICTS = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Misleading', 'Unverifiable'];

function article(claims: number): { text: string; sentences: string[] } {
  const sentences = Array.from(
    { length: claims },
    (_, i) => `Officials said spending on programme ${i + 1} rose by ${(i * 7) % 90 + 3} percent between ${2000 + (i % 20)} and ${2021 + (i % 4)}.`
  );
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 10) paragraphs.push(sentences.slice(i, i + 10).join(' '));
  return { text: paragraphs.join('\n\n'), sentences };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runExportBenchmark({ claims, evidencePerClaim, runs }: BenchmarkOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-export-'));
  const db = openLibrary(dir);
  const service = createService({ db, mode: 'cli', version: 'bench' });
  const call = serviceCaller(service);
  try {
    const setupStart = performance.now();
    await call('settings.update', { userName: 'Bench Checker', organisation: 'Bench Desk', methodology: 'Benchmark.' });
    const { text, sentences } = article(claims);
    const { document } = await call('documents.import', { fileName: 'bench.txt', dataBase64: Buffer.from(text).toString('base64') });
    const claimant = (await call('entities.create', { documentId: document.id, name: 'City Council', type: 'organization' })).createdId!;
    const ids: string[] = [];
    for (const [i, sentence] of sentences.entries()) {
      const start = text.indexOf(sentence);
      const id = (await call('claims.create', { documentId: document.id, start, end: start + sentence.length })).createdId!;
      await call('claims.update', {
        id,
        verdictLabel: VERDICTS[i % VERDICTS.length]!,
        claimantId: claimant,
        claimDate: `20${String(i % 24).padStart(2, '0')}-05-01`,
        explanation: `Budget documents for programme ${i + 1} show the change; the rounding is the council's.`
      });
      for (let e = 0; e < evidencePerClaim; e += 1) {
        await call('evidence.create', {
          claimId: id,
          relation: (['supports', 'refutes', 'context'] as const)[e % 3]!,
          title: `Budget report ${i + 1}.${e + 1}`,
          url: `https://budget.example.org/programme/${i + 1}/report-${e + 1}`,
          archivedUrl: `https://web.archive.org/web/2024/https://budget.example.org/programme/${i + 1}/report-${e + 1}`,
          publisher: 'City Finance Office',
          accessedAt: '2026-02-01',
          excerpt: `Line ${e + 1}: spending on programme ${i + 1} compared with the year before, as adopted by the council.`
        });
      }
      await call('claims.transition', { id, to: 'researching' });
      await call('claims.transition', { id, to: 'in review' });
      ids.push(id);
    }
    await call('settings.update', { userName: 'Bench Reviewer' });
    for (const id of ids) await call('reviews.create', { claimId: id, decision: 'approve' });
    const setupMs = performance.now() - setupStart;

    const modelTimes: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      buildFactSheet(db, document.id, { clock: () => new Date(), appVersion: 'bench', settings: getSettings(db) });
      modelTimes.push(performance.now() - started);
    }

    const formats: Record<string, { medianMs: number; minMs: number; runs: number; bytes: number; warnings: number }> = {};
    for (const format of FACT_SHEET_FORMATS) {
      const times: number[] = [];
      let bytes = 0;
      let warnings = 0;
      // PDF starts a browser each time: fewer runs.
      const formatRuns = format === 'pdf' ? Math.min(runs, 3) : runs;
      for (let run = 0; run < formatRuns; run += 1) {
        const started = performance.now();
        const file = await call('export.factSheet', { documentId: document.id, format });
        times.push(performance.now() - started);
        bytes = file.text !== undefined ? Buffer.byteLength(file.text) : Buffer.from(file.contentBase64!, 'base64').length;
        warnings = file.warnings.length;
        if (file.included !== claims) throw new Error(`${format}: ${file.included} claims on the sheet, expected ${claims}`);
      }
      formats[format] = { medianMs: round(median(times)), minMs: round(Math.min(...times)), runs: formatRuns, bytes, warnings };
    }

    return {
      benchmark: 'export',
      claims,
      evidencePerClaim,
      articleCharacters: text.length,
      setupSeconds: round(setupMs / 1000),
      modelMs: { median: round(median(modelTimes)), min: round(Math.min(...modelTimes)) },
      formats,
      node: process.version,
      platform: `${process.platform}-${process.arch}`
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
