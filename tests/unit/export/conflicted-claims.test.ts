/** Fact sheets never publish a claim whose content an open merge conflict leaves unsettled, and say which: API, CLI, every text format. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/main';
import type { TempLibrary } from '../helpers/temp-library';
import { type Annotated, type CheckerAndReviewer, checkerAndReviewer, open, pack, trustReviewer } from '../exchange/helpers';

let pair: CheckerAndReviewer;
let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  pair = await checkerAndReviewer('factdesk-conflicted-');
  ({ checker, reviewer, ids } = pair);
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

const sheet = (format: 'html' | 'md' | 'csv' | 'claimreview') =>
  checker.call('export.factSheet', { documentId: ids.documentId, format });

/** The sheet in every text format, each checked to leave out `claimId`. */
async function sheetsWithout(claimId: string) {
  const files = await Promise.all((['html', 'md', 'csv'] as const).map((format) => sheet(format)));
  for (const file of files) {
    expect(file.included).toBe(0);
    expect(file.text).not.toContain(claimId);
  }
  return files;
}

async function factdesk(...args: string[]) {
  const err: string[] = [];
  const status = await runCli([...args, '--data', checker.dir], { out: () => {}, err: (t) => err.push(t) }, {}, checker.dir);
  return { status, stderr: err.join('\n') };
}

describe('a claim with an open merge conflict', () => {
  it('edited on both sides and approved on one: not verified, so on no sheet, until the approved wording is chosen', async () => {
    // Both sides change the explanation; the reviewer approves theirs and sends the file back.
    await checker.call('claims.update', { id: ids.claimId, explanation: 'Checker: the White House announced it on 6 June.' });
    await reviewer.call('claims.update', { id: ids.claimId, explanation: 'Reviewer: the DOJ list shows it.' });
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve', confirmSelfReview: true }); // her own wording: a self-review
    await trustReviewer(pair);
    const report = await open(checker, (await pack(reviewer, ids.documentId)).content);
    expect(report.conflicts.remaining).toBeGreaterThan(0);

    for (const file of await sheetsWithout(ids.claimId)) expect(file.leftOut.byStatus).toEqual([{ status: 'in review', count: 1 }]);

    for (const conflict of await checker.call('exchange.conflicts', { documentId: ids.documentId })) {
      await checker.call('exchange.resolve', { conflictId: conflict.id, choice: 'theirs' });
    }
    expect((await sheet('md')).included).toBe(1);
  });

  it('verified, then a detail outside the sheet edited on both sides: held back and named in every format and the CLI until resolved', async () => {
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve' });
    await trustReviewer(pair);
    await open(checker, (await pack(reviewer, ids.documentId)).content);
    expect((await sheet('md')).included).toBe(1);

    await checker.call('evidence.update', { id: ids.evidenceId, note: 'Checker: call the press office.' });
    await reviewer.call('evidence.update', { id: ids.evidenceId, note: 'Reviewer: archived on 7 June.' });
    const report = await open(checker, (await pack(reviewer, ids.documentId)).content);
    expect(report.conflicts.remaining).toBeGreaterThan(0);

    for (const file of await sheetsWithout(ids.claimId)) {
      expect(file.leftOut.inConflict).toEqual([{ id: ids.claimId, text: expect.stringContaining('Alice Marie Johnson') }]);
      expect(file.leftOut.note).toMatch(/1 verified claim held back until open merge conflicts are resolved: "The 💊 sentence of Alice Marie Johnson/);
    }

    const cli = await factdesk('export', ids.documentId, '--format', 'md');
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain(`warning: 1 verified claim is left out until open merge conflicts are resolved (see: factdesk conflicts ${ids.documentId}):`);
    expect(cli.stderr).toContain(`  ${ids.claimId}  "The 💊 sentence of Alice Marie Johnson`);

    for (const conflict of await checker.call('exchange.conflicts', { documentId: ids.documentId })) {
      await checker.call('exchange.resolve', { conflictId: conflict.id, choice: 'mine' });
    }
    const resolved = await sheet('md');
    expect(resolved.leftOut.inConflict).toEqual([]);
    expect(resolved.included).toBe(1);
  });
});
