import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findGaps } from '../../../src/shared/gaps';
import { SAMPLE_FILE, type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { annotate, open, pack, records } from './helpers';

let checker: TempLibrary;
let reviewer: TempLibrary;
beforeEach(() => {
  checker = tempLibrary('factdesk-checker-');
  reviewer = tempLibrary('factdesk-reviewer-');
});
afterEach(() => {
  checker.close();
  reviewer.close();
});

/** The file without what is allowed to differ from one writing to the next. */
const comparable = (content: string) => {
  const { created: _created, author: _author, signature: _signature, ...rest } = JSON.parse(content);
  return rest;
};

describe('pack → open into an empty library → pack', () => {
  it('imports every record unchanged, placed exactly, and writes the same file again', async () => {
    const ids = await annotate(checker);
    const first = await pack(checker, ids.documentId);
    const report = await open(reviewer, first.content, first.fileName);
    expect(report).toMatchObject({
      outcome: 'imported',
      matchedBy: 'new',
      textDiffers: false,
      anchoring: { exact: 3, fuzzy: 0, orphaned: 0 },
      records: { added: 5, updated: 0, deleted: 0 },
      conflicts: { created: 0, remaining: 0 }
    });
    expect(report.document.id).toBe(ids.documentId);
    expect(await records(reviewer, ids.documentId)).toEqual(await records(checker, ids.documentId));

    await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
    const second = await pack(reviewer, ids.documentId);
    expect(comparable(second.content)).toEqual(comparable(first.content));
    expect(JSON.parse(second.content).author).toBe('Ben Reviewer');
  });

  it('keeps masked gaps with their restoration, and the document history', async () => {
    await checker.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await checker.importFile(SAMPLE_FILE);
    const { document: doc } = await checker.call('documents.get', { id: document.id });
    const [gap] = findGaps(doc.text);
    const entityId = createdId(await checker.call('entities.create', { documentId: document.id, name: 'Kim Kardashian West', type: 'person' }));
    await checker.call('mentions.create', { documentId: document.id, ...gap!, type: 'person', entityId, masked: true, restoration: 'Kim Kardashian West' });
    const packed = await pack(checker, document.id);
    const file = JSON.parse(packed.content);
    expect(file.mentions[0]).toMatchObject({ masked: true, restoration: 'Kim Kardashian West', orphaned: false });
    expect(file.mentions[0].target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: doc.text.slice(gap!.start, gap!.end) });
    expect(file.history.map((h: { action: string }) => h.action)).toEqual(['entities.create', 'mentions.create']);

    await open(reviewer, packed.content);
    const view = await reviewer.call('documents.get', { id: document.id });
    expect(view.mentions).toEqual([expect.objectContaining({ ...gap, masked: true, restoration: 'Kim Kardashian West', entityId })]);
    const history = await reviewer.call('documents.history', { documentId: document.id });
    expect(history.entries.map((e) => `${e.user}: ${e.action}`)).toEqual(
      expect.arrayContaining(['Ana Checker: entities.create', 'Ana Checker: mentions.create'])
    );
  });

  it('opening the same file twice changes nothing the second time', async () => {
    const ids = await annotate(checker);
    const packed = await pack(checker, ids.documentId);
    await open(reviewer, packed.content);
    const before = await records(reviewer, ids.documentId);
    const again = await open(reviewer, packed.content);
    expect(again).toMatchObject({ outcome: 'merged', matchedBy: 'id', records: { added: 0, updated: 0, deleted: 0 }, historyEntriesAdded: 0 });
    expect(await records(reviewer, ids.documentId)).toEqual(before);
  });
});

describe('the review round trip', () => {
  it('checker packs, reviewer approves in another library and sends it back, checker sees the claim verified', async () => {
    const ids = await annotate(checker);
    const toReview = await pack(checker, ids.documentId);

    await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
    await open(reviewer, toReview.content);
    const inReview = (await reviewer.call('documents.get', { id: ids.documentId })).claims.filter((c) => c.status === 'in review');
    expect(inReview.map((c) => c.id)).toEqual([ids.claimId]);
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'approve', comment: 'Checked against the DOJ list.' });
    await reviewer.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'Nice sourcing.' });
    const sentBack = await pack(reviewer, ids.documentId);

    const report = await open(checker, sentBack.content);
    expect(report).toMatchObject({ outcome: 'merged', matchedBy: 'id', reviewsAdded: 2, conflicts: { created: 0, remaining: 0 } });
    let view = await checker.call('documents.get', { id: ids.documentId });
    // The checker's library has never seen Ben's key: the signed approval counts once the key is trusted.
    expect(view.claims.find((c) => c.id === ids.claimId)).toMatchObject({
      status: 'in review',
      verification: { approval: { reviewer: 'Ben Reviewer', check: 'unknown key' } }
    });
    const bens = await reviewer.call('keys.mine', {});
    const approval = view.reviews.find((r) => r.decision === 'approve')!;
    expect(await checker.call('keys.trust', { userName: 'Ben Reviewer', publicKey: approval.publicKey! })).toEqual(bens);
    view = await checker.call('documents.get', { id: ids.documentId });
    expect(view.claims.find((c) => c.id === ids.claimId)).toMatchObject({ status: 'verified', verdict: { label: 'True' } });
    expect(view.reviews.map((r) => [r.author, r.decision, r.selfReview])).toEqual([
      ['Ben Reviewer', 'approve', false],
      ['Ben Reviewer', 'comment', false]
    ]);
  });
});
