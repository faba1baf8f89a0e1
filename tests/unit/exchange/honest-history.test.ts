/**
 * After a round trip through shared files, a claim's history replays its whole life in time order,
 * each step naming who really did it (the reviewer for the reviewer's work, with the file it came in),
 * with old → new values and no raw action names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historySteps } from '../../../src/renderer/lib/claim-history';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Annotated, annotate, open, pack } from './helpers';

let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  checker = tempLibrary('factdesk-history-checker-');
  reviewer = tempLibrary('factdesk-history-reviewer-', '2026-01-02T00:00:00.000Z'); // reviews the next day
  ids = await annotate(checker);
  await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
  await open(reviewer, (await pack(checker, ids.documentId)).content, 'from-ana.factdesk.json');
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

describe('the history of a claim that went to a reviewer and back', () => {
  it('names the reviewer and the file for received work, in time order, with old and new values', async () => {
    await reviewer.call('claims.update', { id: ids.claimId, explanation: 'The DOJ list shows it.' });
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve' });
    await open(checker, (await pack(reviewer, ids.documentId)).content, 'from-ben.factdesk.json');

    const entries = await checker.call('claims.history', { id: ids.claimId });
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    const steps = historySteps(entries);
    for (const step of steps) expect(step.title).not.toMatch(/\b[a-z]+\.[a-zA-Z]+/);
    const oldest = steps.at(-1)!;
    expect([oldest.title, oldest.user, oldest.received]).toEqual(['Marked the claim', 'Ana Checker', null]);

    const received = steps.filter((s) => s.received?.fileName === 'from-ben.factdesk.json');
    expect(received.map((s) => [s.title, s.user, s.received!.openedBy])).toEqual([
      ['Approved', 'Ben Reviewer', 'Ana Checker'],
      ['Edited the claim', 'Ben Reviewer', 'Ana Checker']
    ]);
    expect(received[1]!.details).toContain('Explanation: “The White House announced it.” → “The DOJ list shows it.”');
    // The reviewer's own steps, carried in the file's change log, are there too, under the reviewer's name.
    expect(steps.some((s) => s.title === 'Approved' && s.user === 'Ben Reviewer' && s.received === null)).toBe(true);
    expect(steps.some((s) => s.user === 'Ana Checker' && s.title === 'Approved')).toBe(false);
  });
});
