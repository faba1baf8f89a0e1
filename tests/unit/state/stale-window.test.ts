/**
 * A window that has not caught up with the library: another window switched the user, or changed a
 * claim its reviewer is looking at. Its writes are refused, nothing is stored, and it catches up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentState } from '../../../src/renderer/lib/state/document.svelte';
import { Notices } from '../../../src/renderer/lib/state/notices.svelte';
import { Session } from '../../../src/renderer/lib/state/session.svelte';
import { type Browser, installBrowser } from './browser';
import { type StateLibrary, said, libraryWithSample, windowClient } from './helpers';
import { claimInReview as claimOfSampleInReview } from '../api/claim-in-review';

let lib: StateLibrary;
let browser: Browser;
let documentId: string;
beforeEach(async () => {
  browser = installBrowser('http://127.0.0.1/');
  ({ lib, documentId } = await libraryWithSample());
});
afterEach(() => {
  lib.close();
  vi.unstubAllGlobals();
});

/** Ana's claim on the sample, in review. */
const claimInReview = async () => (await claimOfSampleInReview(lib, 'Ana Checker', 'The register lists five.')).claimId;

/** A second window on the same library, with its own client and notices. */
async function otherWindow() {
  const api = windowClient(lib);
  const notices = new Notices();
  const session = new Session(api, notices);
  await session.load();
  return { api, notices, session };
}

describe('a window after another one switched the user', () => {
  it('has its self-approval refused, stores nothing, and then shows the user the library has now', async () => {
    const claimId = await claimInReview();
    const session = new Session(lib.api, lib.notices);
    await session.load();
    const doc = new DocumentState(lib.api, lib.notices);
    await doc.load(documentId);
    const { contentHash } = await lib.call('claims.reviewView', { id: claimId });
    const other = await otherWindow();
    expect(await other.session.updateSettings({ userName: 'Bea Reviewer' })).toBe(true);
    expect(session.settings?.userName).toBe('Ana Checker');

    const before = lib.snapshot();
    expect(await doc.reviewClaim(claimId, 'approve', '', { confirmSelfReview: true, contentHash })).toBe(false);
    expect(lib.snapshot()).toBe(before);
    expect(said(lib.notices)).toContain(
      'Could not approve the claim: Factdesk is now used as Bea Reviewer (switched in another window). ' +
        'Reload to go on as Bea Reviewer, or switch back.'
    );
    await vi.waitFor(() => expect(session.settings?.userName).toBe('Bea Reviewer'));
    expect(doc.claims.find((c) => c.id === claimId)!.status).toBe('in review');
  });

  it('shows the new user as soon as it gets the focus again', async () => {
    const session = new Session(lib.api, lib.notices);
    await session.load();
    const other = await otherWindow();
    await other.session.updateSettings({ userName: 'Bea Reviewer' });
    browser.focus();
    await vi.waitFor(() => expect(session.settings?.userName).toBe('Bea Reviewer'));
    expect(said(lib.notices)).toEqual(['Factdesk is now used as Bea Reviewer (switched in another window).']);
    // Its writes are now made, and stamped, as the user it shows.
    const marked = await lib.api.call('mentions.create', { documentId, start: 0, end: 5, type: 'person' });
    expect(marked).toMatchObject({ ok: true, value: { mentions: { upsert: [{ author: 'Bea Reviewer' }] } } });
  });
});

describe('a reviewer whose window shows an older version of the claim', () => {
  it('has the approval refused, and the window reads the claim again', async () => {
    const claimId = await claimInReview();
    await lib.call('settings.update', { userName: 'Bea Reviewer' });
    const doc = new DocumentState(lib.api, lib.notices);
    await doc.load(documentId);
    const shown = await lib.call('claims.reviewView', { id: claimId });
    // The checker changes it from the command line; this window has not heard.
    await lib.call('settings.update', { userName: 'Ana Checker' });
    await lib.call('claims.update', { id: claimId, verdictLabel: 'False', explanation: 'CHANGED: only 450 permits.' });
    await lib.call('settings.update', { userName: 'Bea Reviewer' });
    expect(doc.claims.find((c) => c.id === claimId)!.verdict?.label).toBe('True');

    const before = lib.snapshot();
    expect(await doc.reviewClaim(claimId, 'approve', '', { contentHash: shown.contentHash })).toBe(false);
    expect(lib.snapshot()).toBe(before);
    expect(said(lib.notices)).toEqual([
      'Could not approve the claim: This claim changed since you opened it: what it says now is not what you were shown. ' +
        'Look at it again before you approve.'
    ]);
    const now = doc.claims.find((c) => c.id === claimId)!;
    expect(now).toMatchObject({ status: 'in review', verdict: { label: 'False' }, explanation: 'CHANGED: only 450 permits.' });
  });
});
