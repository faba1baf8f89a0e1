import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../src/shared/api/contract';
import type { ImportedArticle } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/result';
import { DomainError } from '../../../src/main/errors';
import { ImportJobs, type ParseRequest, type ParseRunner } from '../../../src/main/import/jobs';
import type { ProgressListener } from '../../../src/main/import/importer';

/** A parse the test drives by hand: report progress, finish it, see whether it was cancelled. */
interface ManualParse {
  request: ParseRequest;
  progress: ProgressListener;
  finish(result: Result<ImportedArticle>): void;
  cancelled: boolean;
}

function manualRunner() {
  const parses: ManualParse[] = [];
  const parse: ParseRunner = (request, progress) => {
    let finish!: (result: Result<ImportedArticle>) => void;
    const result = new Promise<Result<ImportedArticle>>((resolve) => (finish = resolve));
    const manual: ManualParse = { request, progress, finish, cancelled: false };
    parses.push(manual);
    return {
      result,
      cancel() {
        manual.cancelled = true;
        finish({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
      }
    };
  };
  return { parse, parses };
}

function testClock() {
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const article = (title: string): ImportedArticle => ({
  title,
  text: 'Body.',
  blocks: [{ start: 0, end: 5, kind: 'paragraph', index: 0 }],
  source: { fileName: `${title}.pdf` },
  format: 'pdf'
});

const outcomeOf = (a: ImportedArticle): ImportOutcome => ({
  document: {
    id: `doc-${a.title}`,
    title: a.title,
    format: a.format,
    fileName: a.source.fileName,
    importedAt: '2026-01-01T00:00:00.000Z',
    mentionCount: 0,
    claimCount: 0,
    verifiedCount: 0,
    inReviewCount: 0,
    changesRequestedCount: 0,
    conflictCount: 0,
    deletedAt: null
  },
  existing: false
});

const request = (fileName: string): ParseRequest => ({ fileName, bytes: new Uint8Array([1]) });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ImportJobs', () => {
  it('reports progress while parsing, then stores the article once and finishes at 1', async () => {
    const { parse, parses } = manualRunner();
    const jobs = new ImportJobs({ clock: testClock().clock, parse });
    const stored: ImportedArticle[] = [];
    const { jobId, state, progress, startedAt } = jobs.start(request('a.pdf'), (a) => (stored.push(a), outcomeOf(a)));
    expect([state, progress, startedAt]).toEqual(['running', 0, '2026-01-01T00:00:00.000Z']);

    parses[0].progress(0.5, 'Reading page 2 of 4');
    expect(jobs.status(jobId)).toMatchObject({ state: 'running', progress: 0.475, stage: 'Reading page 2 of 4' });
    parses[0].progress(0.25, 'Reading page 1 of 4');
    expect(jobs.status(jobId)?.progress).toBe(0.475); // never goes back

    parses[0].finish({ ok: true, value: article('a') });
    const final = await jobs.settled(jobId);
    expect(final).toMatchObject({ state: 'done', progress: 1, stage: 'Imported', error: null });
    expect(final?.outcome?.document.title).toBe('a');
    expect(final?.finishedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(stored).toHaveLength(1);
    expect(jobs.status(jobId)).toEqual(final);
  });

  it('fails with the parser’s error and stores nothing', async () => {
    const { parse, parses } = manualRunner();
    const jobs = new ImportJobs({ clock: testClock().clock, parse });
    let stores = 0;
    const { jobId } = jobs.start(request('scan.pdf'), (a) => (stores++, outcomeOf(a)));
    const error = { code: 'no_text' as const, message: 'Cannot import "scan.pdf": this PDF has no text layer; OCR is not supported.' };
    parses[0].finish({ ok: false, error });
    expect(await jobs.settled(jobId)).toMatchObject({ state: 'failed', stage: 'Failed', error, outcome: null });
    expect(stores).toBe(0);
  });

  it('fails with the store’s refusal, or an internal error naming the file', async () => {
    const { parse, parses } = manualRunner();
    const jobs = new ImportJobs({ clock: testClock().clock, parse });
    const refused = jobs.start(request('a.pdf'), () => {
      throw new DomainError('conflict', 'Refused by the store.');
    });
    const broken = jobs.start(request('b.pdf'), () => {
      throw new Error('disk I/O error');
    });
    parses[0].finish({ ok: true, value: article('a') });
    parses[1].finish({ ok: true, value: article('b') });
    expect((await jobs.settled(refused.jobId))?.error).toEqual({ code: 'conflict', message: 'Refused by the store.' });
    const internal = (await jobs.settled(broken.jobId))?.error;
    expect(internal?.code).toBe('internal');
    expect(internal?.message).toMatch(/^Cannot import "b\.pdf": .*disk I\/O error/);
  });

  it('cancels a running parse: the parse is stopped and a late result is never stored', async () => {
    const { parse, parses } = manualRunner();
    const jobs = new ImportJobs({ clock: testClock().clock, parse });
    let stores = 0;
    const { jobId } = jobs.start(request('big.pdf'), (a) => (stores++, outcomeOf(a)));
    parses[0].progress(0.3, 'Reading page 30 of 100');
    const cancelled = jobs.cancel(jobId);
    expect(cancelled).toMatchObject({ state: 'cancelled', stage: 'Cancelled', error: { code: 'cancelled' } });
    expect(cancelled?.error?.message).toBe('Import of "big.pdf" cancelled; nothing was stored.');
    expect(parses[0].cancelled).toBe(true);
    parses[0].progress(0.9, 'Reading page 90 of 100');
    parses[0].finish({ ok: true, value: article('late') });
    await tick();
    expect(jobs.status(jobId)).toEqual(cancelled);
    expect(stores).toBe(0);
  });

  it('runs at most maxParallel parses; the others wait, and a waiting job can be cancelled', async () => {
    const { parse, parses } = manualRunner();
    const jobs = new ImportJobs({ clock: testClock().clock, parse, maxParallel: 1 });
    const first = jobs.start(request('1.pdf'), outcomeOf);
    const second = jobs.start(request('2.pdf'), outcomeOf);
    const third = jobs.start(request('3.pdf'), outcomeOf);
    expect(parses.map((p) => p.request.fileName)).toEqual(['1.pdf']);
    expect(jobs.status(second.jobId)).toMatchObject({ state: 'running', progress: 0, stage: 'Waiting for another import to finish' });

    expect(jobs.cancel(second.jobId)?.state).toBe('cancelled');
    parses[0].finish({ ok: true, value: article('1') });
    await jobs.settled(first.jobId);
    expect(parses.map((p) => p.request.fileName)).toEqual(['1.pdf', '3.pdf']);
    parses[1].finish({ ok: true, value: article('3') });
    expect((await jobs.settled(third.jobId))?.state).toBe('done');
  });

  it('returns a finished job unchanged when asked to cancel it', async () => {
    const { parse, parses } = manualRunner();
    const jobs = new ImportJobs({ clock: testClock().clock, parse });
    const { jobId } = jobs.start(request('a.pdf'), outcomeOf);
    parses[0].finish({ ok: true, value: article('a') });
    const done = await jobs.settled(jobId);
    expect(jobs.cancel(jobId)).toEqual(done);
  });

  it('forgets finished jobs after keepFinishedMs and beyond maxFinished, never running ones', async () => {
    const { parse, parses } = manualRunner();
    const { clock, advance } = testClock();
    const jobs = new ImportJobs({ clock, parse, keepFinishedMs: 60_000, maxFinished: 2, maxParallel: 10 });
    const ids = ['a', 'b', 'c', 'd'].map((name) => jobs.start(request(`${name}.pdf`), outcomeOf).jobId);
    for (const [i, name] of ['a', 'b', 'c'].entries()) {
      parses[i].finish({ ok: true, value: article(name) });
      await jobs.settled(ids[i]);
    }
    // Three finished, two kept: the oldest goes first.
    expect(jobs.list().map((job) => job.fileName)).toEqual(['b.pdf', 'c.pdf', 'd.pdf']);
    advance(60_001);
    expect(jobs.list().map((job) => [job.fileName, job.state])).toEqual([['d.pdf', 'running']]);
    expect(jobs.status(ids[1])).toBeNull();
    expect(jobs.cancel('no-such-job')).toBeNull();
  });
});
