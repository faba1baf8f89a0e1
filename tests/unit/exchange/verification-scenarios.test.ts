/**
 * Shared files cannot launder verification: each scenario ends with the claim not verified and
 * not on the fact sheet, because "verified" is derived from a signed approval of exactly the
 * claim's published content under a key the library trusts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Annotated, type CheckerAndReviewer, type FileJson, annotate, checkerAndReviewer, handEdited, open, pack, trustReviewer, withRecordsEdited } from './helpers';

let pair: CheckerAndReviewer;
let checker: TempLibrary;
let reviewer: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  pair = await checkerAndReviewer('factdesk-scenario-');
  ({ checker, reviewer, ids } = pair);
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

const claimIn = async (lib: TempLibrary, claimId = ids.claimId) =>
  (await lib.call('documents.get', { id: ids.documentId })).claims.find((c) => c.id === claimId)!;
const sheetClaims = async (lib: TempLibrary, documentId = ids.documentId) =>
  (await lib.call('export.factSheet', { documentId, format: 'md' })).included;

/** A forged file: edited by hand, and unsigned (see handEdited). */
const edited = (content: string, change: (file: FileJson) => void) => handEdited(withRecordsEdited(content, change));

describe('shared files never launder verification', () => {
  it('both sides edit the explanation, the reviewer approves and sends it back: the checker\'s claim is not verified', async () => {
    await checker.call('claims.update', { id: ids.claimId, explanation: 'Checker: unreviewed wording.' });
    await reviewer.call('claims.update', { id: ids.claimId, explanation: 'Reviewer: tightened wording.' });
    // Her own wording: she approves it only as a self-review.
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve', confirmSelfReview: true });
    expect((await claimIn(reviewer)).status).toBe('verified');

    await open(checker, (await pack(reviewer, ids.documentId)).content);
    await trustReviewer(pair);
    const claim = await claimIn(checker);
    expect(claim).toMatchObject({
      explanation: 'Checker: unreviewed wording.',
      status: 'in review',
      verification: { approval: { reviewer: 'Ben Reviewer', check: 'outdated', changed: ['explanation'] } }
    });
    expect(await sheetClaims(checker)).toBe(0);
    // Taking the reviewer's side of the conflict restores exactly what was approved.
    const [conflict] = await checker.call('exchange.conflicts', { documentId: ids.documentId });
    expect(conflict).toMatchObject({ field: 'explanation' });
    await checker.call('exchange.resolve', { conflictId: conflict!.id, choice: 'theirs' });
    expect((await claimIn(checker)).status).toBe('verified');
    expect(await sheetClaims(checker)).toBe(1);
  });

  it('a file that names the same user changes a verified claim\'s verdict: not verified, off the fact sheet', async () => {
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve' });
    await open(checker, (await pack(reviewer, ids.documentId)).content);
    await trustReviewer(pair);
    expect((await claimIn(checker)).status).toBe('verified');
    expect(await sheetClaims(checker)).toBe(1);

    const forged = edited((await pack(checker, ids.documentId)).content, (file) => {
      file.author = 'Ana Checker';
      const claim = file.claims.find((c) => c.id === ids.claimId)!;
      claim.verdict = { ...(claim.verdict as object), label: 'False' };
      claim.explanation = 'It never happened.';
      claim.status = 'verified';
      claim.baseRevisions = [claim.revision];
    });
    await open(checker, forged);
    expect(await claimIn(checker)).toMatchObject({
      verdict: { label: 'False' },
      status: 'in review',
      verification: { approval: { check: 'outdated', changed: ['verdict', 'explanation'] } }
    });
    expect(await sheetClaims(checker)).toBe(0);
  });

  it('a file carrying approvals under any name brings a document already approved by an unknown key: not on the fact sheet', async () => {
    const attacker = tempLibrary('factdesk-attacker-');
    try {
      const planted = await annotate(attacker, undefined, 'Mallory');
      await attacker.call('settings.update', { userName: 'carol (editor-in-chief)' });
      await attacker.call('reviews.create', { claimId: planted.claimId, decision: 'approve' });
      expect(await sheetClaims(attacker, planted.documentId)).toBe(1);
      const file = (await pack(attacker, planted.documentId)).content;

      const victim = tempLibrary('factdesk-victim-');
      try {
        await victim.call('settings.update', { userName: 'Vic Editor' });
        await open(victim, file);
        const [claim] = (await victim.call('documents.get', { id: planted.documentId })).claims;
        expect(claim).toMatchObject({ status: 'in review', verification: { approval: { reviewer: 'carol (editor-in-chief)', check: 'unknown key' } } });
        expect(await sheetClaims(victim, planted.documentId)).toBe(0);
        expect((await victim.call('documents.list', {}))[0]).toMatchObject({ claimCount: 1, verifiedCount: 0 });

        // The same approval with its signature stripped, and one re-signed under a name the victim trusts.
        const unsigned = edited(file, (f) => {
          for (const r of f.reviews) Object.assign(r, { signature: null, publicKey: null });
        });
        await open(victim, unsigned);
        expect((await victim.call('documents.get', { id: planted.documentId })).claims[0]!.status).toBe('in review');
      } finally {
        victim.close();
      }
    } finally {
      attacker.close();
    }
  });

  it('an approval signed under a trusted name with another key does not count', async () => {
    await trustReviewer(pair);
    const impostor = tempLibrary('factdesk-impostor-');
    try {
      await open(impostor, (await pack(checker, ids.documentId)).content);
      await impostor.call('settings.update', { userName: 'Ben Reviewer' });
      await impostor.call('reviews.create', { claimId: ids.claimId, decision: 'approve' });
      await open(checker, (await pack(impostor, ids.documentId)).content);
      expect(await claimIn(checker)).toMatchObject({ status: 'in review', verification: { approval: { check: 'key changed' } } });
      expect(await sheetClaims(checker)).toBe(0);
    } finally {
      impostor.close();
    }
  });
});
