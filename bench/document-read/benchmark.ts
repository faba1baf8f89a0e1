/**
 * The document-read benchmark; see run.mjs. One library built through the API service: the article
 * of bench/render with its mentions and claims, every claim given a verdict and sent for review, and
 * the first `approved` of them approved by a second person (signed, as the app signs them). Then, in
 * the service (no HTTP), the median time of what opening the document and editing it cost:
 * documents.text, documents.annotationColumns, documents.list, deriving every claim's verified status
 * on its own, and one mention stored (mentions.create, whose change set re-derives the reviewed claims).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../../src/main/api/service';
import { listClaims } from '../../src/main/store/claims';
import { openLibrary } from '../../src/main/store/open';
import { contentEditors } from '../../src/main/store/history-editors';
import { derivedClaims } from '../../src/main/workflow/verification';
import { loadCorpus } from '../render/corpus';
import { planAnnotations } from '../render/library';
import { serviceCaller } from '../service-call';

export interface DocumentReadOptions {
  words: number;
  /** Claims approved by a second person. */
  approved: number;
  /** Timed calls of each kind. */
  runs: number;
}

const WORDS_PER_MENTION = 10;
const WORDS_PER_CLAIM = 100;

const round = (ms: number) => Math.round(ms * 10) / 10;
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function runDocumentReadBenchmark(options: DocumentReadOptions) {
  const corpus = loadCorpus(options.words);
  const title = `Moby-Dick, first ${options.words} words`;
  const text = `${title}\n\n${corpus.body}\n`;
  const plan = planAnnotations(text, title.length, {
    mentions: Math.round(options.words / WORDS_PER_MENTION),
    claims: Math.round(options.words / WORDS_PER_CLAIM),
    targets: options.runs
  });
  const approved = Math.min(options.approved, plan.claims.length);

  const dataDir = mkdtempSync(join(tmpdir(), 'factdesk-bench-document-read-'));
  const db = openLibrary(dataDir);
  const service = createService({ db, mode: 'cli', version: 'bench' });
  const call = serviceCaller(service);
  async function timed(run: () => unknown): Promise<number> {
    const samples: number[] = [];
    for (let i = 0; i < options.runs; i += 1) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    return round(median(samples));
  }

  try {
    const setupStarted = performance.now();
    await call('settings.update', { userName: 'Bench Checker' });
    const dataBase64 = Buffer.from(text).toString('base64');
    const documentId = (await call('documents.import', { fileName: 'article.txt', dataBase64 })).document.id;
    for (const m of plan.mentions) await call('mentions.create', { documentId, start: m.start, end: m.end, type: m.type });
    const claimIds: string[] = [];
    for (const c of plan.claims.slice(0, approved)) {
      const id = (await call('claims.create', { documentId, start: c.start, end: c.end })).createdId!;
      await call('claims.update', { id, verdictLabel: 'True', explanation: 'Checked against the source.' });
      await call('claims.transition', { id, to: 'researching' });
      await call('claims.transition', { id, to: 'in review' });
      claimIds.push(id);
    }
    for (const c of plan.claims.slice(approved)) await call('claims.create', { documentId, start: c.start, end: c.end });
    await call('settings.update', { userName: 'Bench Reviewer' });
    for (const claimId of claimIds) await call('reviews.create', { claimId, decision: 'approve' });
    const setupSeconds = round((performance.now() - setupStarted) / 1000);

    const claims = listClaims(db, documentId);
    const verified = derivedClaims(db, documentId, claims).filter((c) => c.status === 'verified').length;
    if (verified !== approved) throw new Error(`${verified} claims are verified, ${approved} were approved.`);

    let target = 0;
    const addMs = await timed(async () => {
      const t = plan.targets[target++]!;
      await call('mentions.create', { documentId, start: t.start, end: t.end, type: 'person' });
    });
    return {
      machine: { loadAverage: loadavg().map(round) },
      article: { words: corpus.words, mentions: plan.mentions.length, claims: plan.claims.length, approved },
      setupSeconds,
      runs: options.runs,
      medianMs: {
        documentText: await timed(() => call('documents.text', { id: documentId })),
        annotationColumns: await timed(() => call('documents.annotationColumns', { id: documentId })),
        derivedClaims: await timed(() => derivedClaims(db, documentId, claims)),
        // The part of derivedClaims that reads from the change log who changed each reviewed claim.
        claimCheckers: await timed(() => contentEditors(db, documentId, claimIds)),
        documentsList: await timed(() => call('documents.list', {})),
        addMention: addMs
      }
    };
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
