/**
 * After a round trip through shared files, a claim's history replays its whole life in time order,
 * each step naming who really did it (the reviewer for the reviewer's work, with the file it came in),
 * with old → new values and no raw action names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historySteps } from '../../../src/renderer/lib/claim-history';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { generateKeyPairSync } from 'node:crypto';
import { exportPublicKey } from '../../../src/main/identity/signature';
import { type Annotated, annotate, open, pack, trustReviewer } from './helpers';

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
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve', confirmSelfReview: true }); // her own wording: a self-review
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

  it('says whether the signature of each received review is valid, checked against the keys trusted now', async () => {
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'request changes', comment: 'Source?' });
    for (const to of ['researching', 'in review'] as const) await reviewer.call('claims.transition', { id: ids.claimId, to });
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve' });
    await open(checker, (await pack(reviewer, ids.documentId)).content, 'from-ben.factdesk.json');
    const receivedReviews = async () =>
      historySteps(await checker.call('claims.history', { id: ids.claimId }))
        .filter((s) => s.received && ['Approved', 'Requested changes'].includes(s.title))
        .map((s) => [s.title, s.received!.signature]);

    expect(await receivedReviews()).toEqual([
      ['Approved', "signature not valid: this library does not trust Ben Reviewer's key yet"],
      ['Requested changes', "signature not valid: this library does not trust Ben Reviewer's key yet"]
    ]);

    await trustReviewer({ checker, reviewer, ids });
    expect(await receivedReviews()).toEqual([
      ['Approved', 'signature valid'],
      ['Requested changes', 'signature valid']
    ]);
    const page = await checker.call('documents.history', { documentId: ids.documentId });
    expect(page.entries.filter((e) => e.table === 'reviews' && e.receivedFrom).map((e) => e.signature)).toEqual(['valid', 'valid']);

    // Another key is trusted for the name: the reviews in the file were not signed with it.
    checker.db.prepare('DELETE FROM known_keys WHERE user_name = ?').run('Ben Reviewer');
    await checker.call('keys.trust', { userName: 'Ben Reviewer', publicKey: exportPublicKey(generateKeyPairSync('ed25519').publicKey) });
    expect((await receivedReviews()).map(([, signature]) => signature)).toEqual([
      'signature not valid: signed with another key than the one this library trusts for Ben Reviewer',
      'signature not valid: signed with another key than the one this library trusts for Ben Reviewer'
    ]);
  });
});
