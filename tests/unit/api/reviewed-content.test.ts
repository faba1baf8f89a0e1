/**
 * An approval or change request holds for the content the reviewer was shown: reviews.create takes
 * the content hash of the claim's review view and is refused, with nothing stored, when the claim
 * changed since (a window that had not refreshed yet).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { claimInReview } from './claim-in-review';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-reviewed-content-');
});
afterEach(() => lib.close());

const as = (userName: string) => lib.call('settings.update', { userName });
const CHANGED = /^This claim changed since you opened it: .+ Look at it again before you approve\.$/;

const statusOf = async (documentId: string, claimId: string) =>
  (await lib.call('documents.get', { id: documentId })).claims.find((c) => c.id === claimId)!.status;

describe('reviews.create on the content the reviewer was shown', () => {
  it('the review view gives the hash an approval signs, and an approval with it verifies the claim', async () => {
    const { claimId, documentId } = await claimInReview(lib, 'Carla Checker', 'The register lists five.');
    await as('Bea Reviewer');
    const { contentHash } = await lib.call('claims.reviewView', { id: claimId });
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    await lib.call('reviews.create', { claimId, decision: 'approve', contentHash });
    const { reviews } = await lib.call('documents.get', { id: documentId });
    expect(reviews.find((r) => r.claimId === claimId)).toMatchObject({ author: 'Bea Reviewer', decision: 'approve', contentHash });
    expect(await statusOf(documentId, claimId)).toBe('verified');
  });

  it('refuses an approval given on content the checker changed since, stores nothing, and takes it on the new content', async () => {
    const { claimId, documentId } = await claimInReview(lib, 'Carla Checker', 'The register lists five.');
    await as('Bea Reviewer');
    const shown = await lib.call('claims.reviewView', { id: claimId });
    // Meanwhile, from another window, the checker changes the verdict and the explanation.
    await as('Carla Checker');
    await lib.call('claims.update', { id: claimId, verdictLabel: 'False', explanation: 'CHANGED: the register shows only 450 permits.' });
    await as('Bea Reviewer');

    const before = lib.snapshot();
    const refused = await lib.service.call('reviews.create', { claimId, decision: 'approve', contentHash: shown.contentHash });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(CHANGED) } });
    expect(lib.snapshot()).toBe(before);
    expect(await statusOf(documentId, claimId)).toBe('in review');

    const now = await lib.call('claims.reviewView', { id: claimId });
    expect(now.contentHash).not.toBe(shown.contentHash);
    expect(now.content.verdict?.label).toBe('False');
    await lib.call('reviews.create', { claimId, decision: 'approve', contentHash: now.contentHash });
    expect(await statusOf(documentId, claimId)).toBe('verified');
  });

  it('refuses a stale change request and a stale approval by claims.transition too; a comment stays free', async () => {
    const { claimId } = await claimInReview(lib, 'Carla Checker', 'The register lists five.');
    await as('Bea Reviewer');
    const { contentHash } = await lib.call('claims.reviewView', { id: claimId });
    await as('Carla Checker');
    await lib.call('evidence.create', { claimId, relation: 'refutes', title: 'Permit register' });
    await as('Bea Reviewer');

    const before = lib.snapshot();
    expect(await lib.service.call('reviews.create', { claimId, decision: 'request changes', comment: 'Cite it.', contentHash })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Look at it again before you request changes\.$/) }
    });
    expect(await lib.service.call('claims.transition', { id: claimId, to: 'verified', contentHash })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(CHANGED) }
    });
    expect(lib.snapshot()).toBe(before);
    await lib.call('reviews.create', { claimId, decision: 'comment', comment: 'Saw the new evidence.', contentHash });
  });

  it('refuses a content hash that is not one', async () => {
    const { claimId } = await claimInReview(lib, 'Carla Checker', 'The register lists five.');
    await as('Bea Reviewer');
    expect(await lib.service.call('reviews.create', { claimId, decision: 'approve', contentHash: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [expect.stringMatching(/^\/contentHash: /)] }
    });
  });
});
