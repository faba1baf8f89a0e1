/**
 * Every reader of claims gets the status derived from signed reviews; only reviewed claims have their
 * published content built. The shortcut for claims without decisions must give the very answers the
 * full derivation gives, and a restored name inside an approved claim still counts as its content.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listClaims } from '../../../src/main/store/claims';
import { derivedClaims, verifyClaims } from '../../../src/main/workflow/verification';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';

const TEXT = [
  'The mayor said the bridge cost 40 million dollars.',
  'Officials from    said the repairs would end in May.',
  'The council approved the budget on Tuesday.',
  'Critics called the plan a waste of money.',
  ''
].join('\n\n');

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-derived-claims-');
});
afterEach(() => lib.close());

const spanOf = (quote: string) => {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
};

async function claimInReview(documentId: string, quote: string): Promise<string> {
  const id = createdId(await lib.call('claims.create', { documentId, ...spanOf(quote) }));
  await lib.call('claims.update', { id, verdictLabel: 'True', explanation: 'Checked.' });
  await lib.call('claims.transition', { id, to: 'researching' });
  await lib.call('claims.transition', { id, to: 'in review' });
  return id;
}

async function setUp() {
  await lib.call('settings.update', { userName: 'Ana Checker' });
  const { document } = await lib.importText(TEXT, 'bridge.txt');
  const documentId = document.id;
  const [gap] = (await lib.call('documents.text', { id: documentId })).gaps;
  const gapId = createdId(
    await lib.call('mentions.create', { documentId, start: gap!.start, end: gap!.end, type: 'organization', masked: true, restoration: 'the city' })
  );
  const approved = await claimInReview(documentId, 'The mayor said the bridge cost 40 million dollars.');
  const withGap = await claimInReview(documentId, 'Officials from    said the repairs would end in May.');
  const sentBack = await claimInReview(documentId, 'The council approved the budget on Tuesday.');
  const open = createdId(await lib.call('claims.create', { documentId, ...spanOf('Critics called the plan a waste of money.') }));
  await lib.call('settings.update', { userName: 'Ben Reviewer' });
  await lib.call('reviews.create', { claimId: approved, decision: 'approve' });
  await lib.call('reviews.create', { claimId: withGap, decision: 'approve' });
  await lib.call('reviews.create', { claimId: sentBack, decision: 'request changes', comment: 'Which Tuesday?' });
  await lib.call('reviews.create', { claimId: open, decision: 'comment', comment: 'Worth checking.' });
  return { documentId, gapId, approved, withGap, sentBack, open };
}

const statuses = (claims: { id: string; status: string }[]) => Object.fromEntries(claims.map((c) => [c.id, c.status]));

describe('derived claim status', () => {
  it('gives every claim the same status and verification as the full derivation', async () => {
    const ids = await setUp();
    // A claim record that says "verified" without an approval behind it (the store refuses to hold one) is not believed.
    const claims = listClaims(lib.db, ids.documentId).map((c) => (c.id === ids.open ? { ...c, status: 'verified' as const } : c));

    const derived = derivedClaims(lib.db, ids.documentId, claims);
    expect(derived).toEqual(verifyClaims(lib.db, ids.documentId, claims).map((v) => v.claim));
    expect(statuses(derived)).toEqual({
      [ids.approved]: 'verified',
      [ids.withGap]: 'verified',
      [ids.sentBack]: 'changes requested',
      [ids.open]: 'in review'
    });
    expect(derived.find((c) => c.id === ids.open)!.verification).toEqual({ approval: null, checks: {}, checkers: ['Ana Checker'] });
  });

  it('takes a claim off verified when the restored name in its quote changes, and no other', async () => {
    const ids = await setUp();
    await lib.call('settings.update', { userName: 'Ana Checker' });
    await lib.call('mentions.update', { id: ids.gapId, restoration: 'the county' });

    const { claims } = await lib.call('documents.annotations', { id: ids.documentId });
    expect(statuses(claims)).toMatchObject({ [ids.approved]: 'verified', [ids.withGap]: 'in review' });
    expect(claims.find((c) => c.id === ids.withGap)!.verification?.approval).toMatchObject({ check: 'outdated', changed: ['quoted text'] });
  });

  it('re-derives the reviewed claims after a change to a masked mention, not after one to a plain mention', async () => {
    const ids = await setUp();
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const plain = await lib.call('mentions.create', { documentId: ids.documentId, ...spanOf('mayor'), type: 'person' });
    expect(plain.claims.upsert).toEqual([]);
    const deleted = await lib.call('mentions.delete', { id: plain.createdId! });
    expect(deleted.claims.upsert).toEqual([]);
    const undone = await lib.call('history.undo', { documentId: ids.documentId });
    expect(undone.mentions.upsert.map((m) => m.id)).toEqual([plain.createdId]);
    expect(undone.claims.upsert).toEqual([]);

    const restored = await lib.call('mentions.update', { id: ids.gapId, restoration: 'the county' });
    expect(statuses(restored.claims.upsert)).toEqual({ [ids.approved]: 'verified', [ids.withGap]: 'in review', [ids.sentBack]: 'changes requested' });
    const removed = await lib.call('mentions.delete', { id: ids.gapId });
    expect(statuses(removed.claims.upsert)).toMatchObject({ [ids.withGap]: 'in review' });
  });
});
