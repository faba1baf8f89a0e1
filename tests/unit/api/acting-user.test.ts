/**
 * The user name is the library's, so another window can switch it. A window names the user it shows
 * with every call; the service refuses a write when that is no longer the library's user, instead of
 * stamping or signing it with a name the window did not show.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS_FOR_ANY_USER } from '../../../src/shared/api/acting-user';
import { METHOD_NAMES } from '../../../src/shared/api/contract';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { claimInReview } from './claim-in-review';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary('factdesk-acting-user-');
});
afterEach(() => lib.close());

const as = (userName: string) => lib.call('settings.update', { userName });
const SWITCHED =
  'Factdesk is now used as Bea Reviewer (switched in another window). Reload to go on as Bea Reviewer, or switch back.';

/** Carla's claim in review; then Bea takes over the library in another window. */
async function switchedAfterCarlasClaim() {
  const claim = await claimInReview(lib, 'Carla Checker');
  const { contentHash } = await lib.call('claims.reviewView', { id: claim.claimId });
  await as('Bea Reviewer');
  return { ...claim, contentHash };
}

describe('writes carry the user the window shows', () => {
  it('refuses a self-approval confirmed in a window that still shows the checker, and stores nothing', async () => {
    const { documentId, claimId, contentHash } = await switchedAfterCarlasClaim();
    const before = lib.snapshot();
    const input = { claimId, decision: 'approve' as const, confirmSelfReview: true, contentHash };
    expect(await lib.service.call('reviews.create', input, 'Carla Checker')).toEqual({
      ok: false,
      error: { code: 'user_changed', message: SWITCHED }
    });
    expect(lib.snapshot()).toBe(before);
    const { claims, reviews } = await lib.call('documents.get', { id: documentId });
    expect(claims.find((c) => c.id === claimId)!.status).toBe('in review');
    expect(reviews).toEqual([]);
  });

  it('refuses a mention, an edit and a shared file signed as someone else; reads go on', async () => {
    const { documentId, claimId, start } = await switchedAfterCarlasClaim();
    const before = lib.snapshot();
    for (const [method, input] of [
      ['mentions.create', { documentId, start, end: start + 5, type: 'person' }],
      ['claims.update', { id: claimId, explanation: 'Edited in a stale window.' }],
      ['exchange.pack', { documentId }]
    ] as const) {
      expect(await lib.service.call(method, input, 'Carla Checker')).toMatchObject({ ok: false, error: { code: 'user_changed' } });
    }
    expect(lib.snapshot()).toBe(before);
    expect(await lib.service.call('documents.get', { id: documentId }, 'Carla Checker')).toMatchObject({ ok: true });
    expect(await lib.service.call('settings.get', {}, 'Carla Checker')).toMatchObject({ ok: true, value: { userName: 'Bea Reviewer' } });
  });

  it('takes the write from a window that shows the current user, or after it switched back', async () => {
    const { documentId, start } = await switchedAfterCarlasClaim();
    const mention = { documentId, start, end: start + 5, type: 'person' };
    const byBea = await lib.service.call('mentions.create', mention, ' Bea Reviewer ');
    expect(byBea).toMatchObject({ ok: true, value: { mentions: { upsert: [{ author: 'Bea Reviewer' }] } } });

    expect(await lib.service.call('settings.update', { userName: 'Carla Checker' }, 'Bea Reviewer')).toMatchObject({ ok: true });
    const byCarla = await lib.service.call('mentions.create', { ...mention, start: start + 6, end: start + 9 }, 'Carla Checker');
    expect(byCarla).toMatchObject({ ok: true, value: { mentions: { upsert: [{ author: 'Carla Checker' }] } } });
  });

  it('lets a caller without a window (the command line) name nobody', async () => {
    const { documentId, start } = await switchedAfterCarlasClaim();
    const result = await lib.service.call('mentions.create', { documentId, start, end: start + 5, type: 'person' });
    expect(result).toMatchObject({ ok: true, value: { mentions: { upsert: [{ author: 'Bea Reviewer' }] } } });
  });

  it('names only methods of the contract as free for any user', () => {
    for (const method of METHODS_FOR_ANY_USER) expect(METHOD_NAMES).toContain(method);
    for (const write of ['reviews.create', 'claims.transition', 'mentions.create', 'exchange.open', 'exchange.pack', 'keys.mine'] as const) {
      expect(METHODS_FOR_ANY_USER.has(write)).toBe(false);
    }
  });
});
