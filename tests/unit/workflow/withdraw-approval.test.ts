/** A reviewer who finds a mistake after approving sends the verified claim back: it leaves the fact sheet. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';

const TEXT = 'The minister said on Tuesday that the dam will supply 40 percent of the region\'s power by 2030.\n';
let lib: TempLibrary;
let documentId: string;
let claimId: string;

beforeEach(async () => {
  lib = tempLibrary('factdesk-withdraw-');
  await lib.call('settings.update', { userName: 'Chris Checker' });
  ({ document: { id: documentId } } = await lib.importText(TEXT));
  const start = TEXT.indexOf('the dam');
  claimId = createdId(await lib.call('claims.create', { documentId, start, end: TEXT.indexOf(' by 2030') }));
  await lib.call('claims.update', { id: claimId, verdictLabel: 'Mostly true', explanation: 'The plan says 38 percent.' });
  await lib.call('claims.transition', { id: claimId, to: 'researching' });
  await lib.call('claims.transition', { id: claimId, to: 'in review' });
  await lib.call('settings.update', { userName: 'Bea Reviewer' });
  await lib.call('reviews.create', { claimId, decision: 'approve' });
});
afterEach(() => lib.close());

const claim = async () => (await lib.call('documents.get', { id: documentId })).claims[0]!;
const included = async () => (await lib.call('export.factSheet', { documentId, format: 'md' })).included;
const sendBack = (comment?: string) => lib.service.call('reviews.create', { claimId, decision: 'request changes', ...(comment !== undefined && { comment }) });

describe('requesting changes on a verified claim', () => {
  it.each(['Bea Reviewer', 'Dan Editor'])('by %s withdraws the approval: changes requested, off the fact sheet, signed', async (reviewer) => {
    expect((await claim()).status).toBe('verified');
    expect(await included()).toBe(1);
    await lib.call('settings.update', { userName: reviewer });

    expect(await sendBack('The 2019 base figure is from a different budget line.')).toMatchObject({ ok: true });
    const after = await claim();
    expect(after.status).toBe('changes requested');
    expect(await included()).toBe(0);
    const request = (await lib.call('documents.get', { id: documentId })).reviews.find((r) => r.decision === 'request changes')!;
    expect(request).toMatchObject({ author: reviewer, signature: expect.any(String), contentHash: expect.any(String) });
    expect(after.verification?.checks[request.id]).toBe('valid');

    // The checker resumes research and sends it again; it needs a new approval.
    await lib.call('settings.update', { userName: 'Chris Checker' });
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });
    expect((await claim()).status).toBe('in review');
  });

  it('needs a comment; refused, it changes nothing', async () => {
    const before = lib.snapshot();
    expect(await sendBack('  ')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/needs a comment/) } });
    expect(lib.snapshot()).toBe(before);
    expect((await claim()).status).toBe('verified');
  });

  it('undo brings the approval back; redo withdraws it again', async () => {
    await sendBack('Wrong budget line.');
    await lib.call('history.undo', { documentId });
    expect((await claim()).status).toBe('verified');
    expect(await included()).toBe(1);
    await lib.call('history.redo', { documentId });
    expect((await claim()).status).toBe('changes requested');
  });

  it('a claim that is neither in review nor verified cannot be sent back, and a verified one cannot be approved again', async () => {
    await sendBack('Wrong budget line.');
    expect(await sendBack('Again.')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Only a claim in review or verified can be sent back; this one is "changes requested".' }
    });
    await lib.call('history.undo', { documentId });
    await lib.call('settings.update', { userName: 'Dan Editor' });
    expect(await lib.service.call('reviews.create', { claimId, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Only a claim in review can be approved; this one is "verified".' }
    });
  });
});
