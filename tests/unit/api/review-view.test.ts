/** claims.reviewView: the claim as it will be published, and what changed since its last review. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishedPartKeys } from '../../../src/shared/published-content';
import { cardParts } from '../../../src/renderer/lib/published-card';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-review-view-');
});
afterEach(() => lib.close());

const as = (userName: string) => lib.call('settings.update', { userName });

async function claimInReview() {
  await as('Ana Checker');
  const { document } = await lib.importFile(SAMPLE_FILE);
  const { text } = (await lib.call('documents.get', { id: document.id })).document;
  const start = text.indexOf('Trump has issued just a handful of pardons');
  const claimId = createdId(await lib.call('claims.create', { documentId: document.id, start, end: start + 42 }));
  await lib.call('claims.update', { id: claimId, verdictLabel: 'Mostly true', explanation: 'The register lists five.' });
  await lib.call('evidence.create', { claimId, relation: 'supports', title: 'Pardons list', url: 'https://www.justice.gov/pardon' });
  await lib.call('claims.transition', { id: claimId, to: 'researching' });
  await lib.call('claims.transition', { id: claimId, to: 'in review' });
  return claimId;
}

describe('claims.reviewView', () => {
  it('shows the published content of a claim nobody reviewed yet', async () => {
    const claimId = await claimInReview();
    const view = await lib.call('claims.reviewView', { id: claimId });
    expect(view.lastReview).toBeNull();
    expect(view.content).toMatchObject({
      id: claimId,
      text: 'Trump has issued just a handful of pardons',
      verdict: { label: 'Mostly true', value: 4, best: 5, worst: 1 },
      explanation: 'The register lists five.',
      evidence: [expect.objectContaining({ title: 'Pardons list', url: 'https://www.justice.gov/pardon' })],
      checkedBy: 'Ana Checker'
    });
    // The evidence's internal note is not published, so it is not shown to the reviewer either.
    expect(view.content.evidence[0]).not.toHaveProperty('note');
  });

  it('after a change request and an edit, names each changed part with the content the reviewer saw', async () => {
    const claimId = await claimInReview();
    await as('Rui Reviewer');
    await lib.call('reviews.create', { claimId, decision: 'request changes', comment: 'Give the number.' });
    await as('Ana Checker');
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await lib.call('claims.update', { id: claimId, verdictLabel: 'True', explanation: 'The register lists five pardons by May 2018.' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });

    const before = lib.snapshot();
    const { content, lastReview } = await lib.call('claims.reviewView', { id: claimId });
    expect(lib.snapshot()).toBe(before);
    expect(lastReview).toMatchObject({ reviewer: 'Rui Reviewer', decision: 'request changes', changed: ['verdict', 'explanation'] });
    expect(lastReview!.content.explanation).toBe('The register lists five.');
    expect(lastReview!.content.verdict!.label).toBe('Mostly true');
    expect(content.explanation).toBe('The register lists five pardons by May 2018.');

    // Approved as it is now: nothing changed since.
    await as('Rui Reviewer');
    await lib.call('reviews.create', { claimId, decision: 'approve' });
    expect((await lib.call('claims.reviewView', { id: claimId })).lastReview).toMatchObject({ decision: 'approve', changed: [] });
  });

  it('ignores a comment, and refuses an unknown claim', async () => {
    const claimId = await claimInReview();
    await as('Rui Reviewer');
    await lib.call('reviews.create', { claimId, decision: 'comment', comment: 'Looking at it.' });
    expect((await lib.call('claims.reviewView', { id: claimId })).lastReview).toBeNull();
    expect(await lib.service.call('claims.reviewView', { id: 'no-such-claim' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a claim whose document is in the trash, as not found', async () => {
    const claimId = await claimInReview();
    const [document] = await lib.call('documents.list', {});
    await lib.call('documents.delete', { id: document!.id });
    expect(await lib.service.call('claims.reviewView', { id: claimId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("the review card shows every part of the published content, no more and no fewer", async () => {
    const claimId = await claimInReview();
    const { content } = await lib.call('claims.reviewView', { id: claimId });
    const parts = cardParts(content);
    expect(parts.map((p) => p.key).sort()).toEqual(Object.keys(content).sort());
    expect(parts.map((p) => p.key)).toEqual(publishedPartKeys());
    expect(parts.find((p) => p.key === 'verdict')!.value).toMatchObject({ kind: 'verdict', verdict: { label: 'Mostly true' } });
    expect(parts.find((p) => p.key === 'claimant')!.value).toEqual({ kind: 'none' });
    expect(parts.filter((p) => !p.provenance).map((p) => p.name)).toEqual([
      'Claim as checked',
      'Quoted text',
      'Claimant',
      'Claim date',
      'Verdict',
      'Explanation',
      'Evidence'
    ]);
  });
});
