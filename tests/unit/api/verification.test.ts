/** The verification workflow's API additions: claim and document history, verdict scales, the active scale. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, HistoryEntry } from '../../../src/shared/domain';
import { findGaps } from '../../../src/shared/gaps';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.close());

async function claimInReview() {
  await lib.call('settings.update', { userName: 'Ana Checker' });
  const { document } = await lib.importFile(SAMPLE_FILE);
  const { text } = (await lib.call('documents.get', { id: document.id })).document;
  const start = text.indexOf('Trump has issued just a handful of pardons');
  const claimId = createdId(await lib.call('claims.create', { documentId: document.id, start, end: start + 42 }));
  await lib.call('claims.update', { id: claimId, verdictLabel: 'Mostly true' });
  await lib.call('evidence.create', { claimId, relation: 'supports', title: 'Pardons list' });
  await lib.call('claims.transition', { id: claimId, to: 'researching' });
  await lib.call('claims.transition', { id: claimId, to: 'in review' });
  return { documentId: document.id, claimId };
}

const statusMoves = (entries: HistoryEntry[]) =>
  entries
    .filter((e) => e.table === 'claims' && (e.before as Claim | null)?.status !== (e.after as Claim | null)?.status)
    .map((e) => [e.user, e.action, (e.before as Claim | null)?.status ?? null, (e.after as Claim | null)?.status ?? null]);

describe('claims.history', () => {
  it('lists every transition, edit and review of a claim, newest first, as domain records', async () => {
    const { claimId } = await claimInReview();
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId, decision: 'request changes', comment: 'Cite the register.' });
    await lib.call('settings.update', { userName: 'Ana Checker' });
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId, decision: 'approve' });

    const history = await lib.call('claims.history', { id: claimId });
    expect(history.map((e) => e.seq)).toEqual([...history.map((e) => e.seq)].sort((a, b) => b - a));
    expect(statusMoves(history).reverse()).toEqual([
      ['Ana Checker', 'claims.create', null, 'open'],
      ['Ana Checker', 'claims.researching', 'open', 'researching'],
      ['Ana Checker', 'claims.in review', 'researching', 'in review'],
      ['Rui Reviewer', 'reviews.request changes', 'in review', 'changes requested'],
      ['Ana Checker', 'claims.researching', 'changes requested', 'researching'],
      ['Ana Checker', 'claims.in review', 'researching', 'in review']
    ]);
    // The approval stores no status: the claim reads as verified because the approval is valid.
    const [claim] = (await lib.call('claims.history', { id: claimId })).filter((e) => e.action === 'reviews.approve' && e.table === 'claims');
    expect(claim).toBeUndefined();
    expect(history.filter((e) => e.table === 'reviews').map((e) => e.after)).toEqual([
      expect.objectContaining({ decision: 'approve', author: 'Rui Reviewer', selfReview: false }),
      expect.objectContaining({ decision: 'request changes', comment: 'Cite the register.' })
    ]);
    expect(history.filter((e) => e.table === 'evidence').map((e) => e.action)).toEqual(['evidence.create']);
    expect(history.find((e) => e.action === 'claims.update')!.after).toMatchObject({ verdict: { label: 'Mostly true' } });
  });

  it('keeps the history of a deleted claim with its evidence, and refuses an unknown claim', async () => {
    const { documentId, claimId } = await claimInReview();
    await lib.call('claims.delete', { id: claimId });
    const history = await lib.call('claims.history', { id: claimId });
    expect(history.slice(0, 2).map((e) => [e.table, e.action, e.after])).toEqual([
      ['claims', 'claims.delete', null],
      ['evidence', 'claims.delete', null]
    ]);
    expect(history.every((e) => e.documentId === documentId)).toBe(true);
    expect(await lib.service.call('claims.history', { id: 'no-such-claim' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('documents.history', () => {
  it('pages through a document’s changes newest first', async () => {
    const { documentId } = await claimInReview();
    const all = await lib.call('documents.history', { documentId, limit: 1000 });
    expect(all.nextBeforeSeq).toBeNull();
    const pages: HistoryEntry[][] = [];
    let beforeSeq: number | undefined;
    for (;;) {
      const page = await lib.call('documents.history', { documentId, limit: 2, ...(beforeSeq && { beforeSeq }) });
      pages.push(page.entries);
      if (page.nextBeforeSeq === null) break;
      beforeSeq = page.nextBeforeSeq;
    }
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.flat()).toEqual(all.entries);
    expect(all.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['claims.create', 'claims.update', 'evidence.create', 'claims.researching', 'claims.in review'])
    );
    expect(await lib.service.call('documents.history', { documentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('verdict scales', () => {
  const labels = [
    { label: 'Correct', value: 3 },
    { label: 'Partly correct', value: 2 },
    { label: 'Wrong', value: 1 },
    { label: 'No evidence', value: null }
  ];

  it('creates a scale and writes a new version on each change, keeping the old versions', async () => {
    const created = await lib.call('scales.save', { name: 'Three-point', labels });
    expect(created).toMatchObject({ name: 'Three-point', version: 1, labels });
    const renamed = await lib.call('scales.save', { id: created.id, name: 'Three-point', labels: labels.map((l) => (l.label === 'Wrong' ? { ...l, label: 'Incorrect' } : l)) });
    expect(renamed).toMatchObject({ id: created.id, version: 2 });
    const unchanged = await lib.call('scales.save', { id: created.id, name: 'Three-point', labels: renamed.labels });
    expect(unchanged.version).toBe(2);
    expect((await lib.call('scales.list', {})).map((s) => [s.id, s.version])).toEqual([
      ['default', 1],
      [created.id, 2]
    ]);
    expect(lib.db.prepare('SELECT version FROM verdict_scales WHERE id = ? ORDER BY version').all(created.id)).toEqual([{ version: 1 }, { version: 2 }]);
    expect(lib.db.prepare("SELECT action FROM history WHERE table_name = 'verdict_scales'").all()).toEqual([
      { action: 'scales.save' },
      { action: 'scales.save' }
    ]);
  });

  it('refuses duplicate labels, duplicate or fractional numbers, empty labels and unknown scales, changing nothing', async () => {
    const before = lib.snapshot();
    const refusals: [unknown, string, RegExp][] = [
      [{ name: 'S', labels: [{ label: 'True', value: 1 }, { label: ' true ', value: 2 }] }, 'invalid_input', /"True" and "true"/],
      [{ name: 'S', labels: [{ label: 'A', value: 1 }, { label: 'B', value: 1 }] }, 'invalid_input', /1 is given to "A" and "B"/],
      [{ name: 'S', labels: [{ label: 'A', value: 1.5 }] }, 'invalid_input', /labels/],
      [{ name: 'S', labels: [{ label: '  ', value: 1 }] }, 'invalid_input', /labels/],
      [{ name: 'S', labels: [] }, 'invalid_input', /labels/],
      [{ name: ' ', labels }, 'invalid_input', /name/],
      [{ id: 'no-such-scale', name: 'S', labels }, 'not_found', /no-such-scale/]
    ];
    for (const [input, code, message] of refusals) {
      const result = await lib.service.call('scales.save', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect(lib.snapshot()).toBe(before);
  });

  it('chooses the active scale through settings.update, refusing an unknown one; verdicts keep the scale they used', async () => {
    const { claimId } = await claimInReview();
    const scale = await lib.call('scales.save', { name: 'Three-point', labels });
    const before = lib.snapshot();
    expect(await lib.service.call('settings.update', { verdictScaleId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(lib.snapshot()).toBe(before);

    await lib.call('settings.update', { verdictScaleId: scale.id });
    const { claims } = await lib.call('documents.get', { id: (await lib.call('documents.list', {}))[0]!.id });
    expect(claims[0]!.verdict).toEqual({ scaleId: 'default', scaleVersion: 1, label: 'Mostly true' });
    expect(await lib.service.call('claims.update', { id: claimId, verdictLabel: 'Mostly true' })).toMatchObject({ ok: false });
    const changed = await lib.call('claims.update', { id: claimId, verdictLabel: 'Correct' });
    expect(changed.claims.upsert[0]!.verdict).toEqual({ scaleId: scale.id, scaleVersion: 1, label: 'Correct' });
  });

  it('gives new verdicts the newest version of the active scale', async () => {
    const { claimId } = await claimInReview();
    const scale = (await lib.call('scales.list', {}))[0]!;
    await lib.call('scales.save', { id: scale.id, name: scale.name, labels: scale.labels.map((l) => (l.label === 'False' ? { ...l, label: 'Wrong' } : l)) });
    const changed = await lib.call('claims.update', { id: claimId, verdictLabel: 'Wrong' });
    expect(changed.claims.upsert[0]!.verdict).toEqual({ scaleId: 'default', scaleVersion: 2, label: 'Wrong' });
  });
});

describe('approval needs a verdict', () => {
  it('refuses to approve a claim whose verdict was taken away in review', async () => {
    const { claimId } = await claimInReview();
    await lib.call('claims.update', { id: claimId, verdictLabel: null });
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    const before = lib.snapshot();
    expect(await lib.service.call('reviews.create', { claimId, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/no verdict/) }
    });
    expect(lib.snapshot()).toBe(before);
  });
});

describe('a verified claim whose fact-sheet entry changes goes back to review', () => {
  /** A claim over `sentence` (found in the sample), verified by a second person. */
  async function verifiedClaim(start: number, end: number) {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const claimId = createdId(await lib.call('claims.create', { documentId, start, end }));
    await lib.call('claims.update', { id: claimId, verdictLabel: 'Mostly true' });
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId, decision: 'approve' });
    await lib.call('settings.update', { userName: 'Ana Checker' });
    return claimId;
  }
  let documentId = '';
  const statusOf = async (id: string) => {
    const { claims } = await lib.call('documents.get', { id: documentId });
    return claims.find((claim) => claim.id === id)!;
  };
  /** Back in review because the approval is outdated, naming what changed after it. */
  const outdated = async (id: string, changed: string) =>
    expect(await statusOf(id)).toMatchObject({
      status: 'in review',
      verification: { approval: { reviewer: 'Rui Reviewer', check: 'outdated', changed: [changed] } }
    });

  async function sample() {
    await lib.call('settings.update', { userName: 'Ana Checker' });
    const { document } = await lib.importFile(SAMPLE_FILE);
    documentId = document.id;
    const { text } = (await lib.call('documents.get', { id: documentId })).document;
    return { text };
  }

  it('when its claimant is renamed, merged into another entity or split off; a claim of someone else stays verified', async () => {
    const { text } = await sample();
    const at = (phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const;
    const first = await verifiedClaim(...at('Trump has issued just a handful of pardons'));
    const second = await verifiedClaim(...at(text.slice(text.indexOf('Trump has issued') + 60, text.indexOf('Trump has issued') + 100)));
    const trump = createdId(await lib.call('entities.create', { name: 'Donald Trump', type: 'person' }));
    const other = createdId(await lib.call('entities.create', { name: 'Someone Else', type: 'person' }));
    // Attributing sends it back too (an edit to the claim): approve again, then change the entity only.
    for (const [claim, claimant] of [[first, trump], [second, other]] as const) {
      await lib.call('claims.update', { id: claim, claimantId: claimant });
      await lib.call('settings.update', { userName: 'Rui Reviewer' });
      await lib.call('reviews.create', { claimId: claim, decision: 'approve' });
      await lib.call('settings.update', { userName: 'Ana Checker' });
    }

    await lib.call('entities.update', { id: trump, description: 'Former president' });
    expect((await statusOf(first)).status).toBe('verified'); // the name did not change
    await lib.call('entities.update', { id: trump, name: 'Donald J. Trump' });
    await outdated(first, 'claimant');
    expect((await statusOf(second)).status).toBe('verified');

    await lib.call('entities.merge', { targetId: trump, sourceId: other });
    expect(await statusOf(second)).toMatchObject({ status: 'in review', claimantId: trump });
    await outdated(second, 'claimant');

    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId: second, decision: 'approve' });
    await lib.call('entities.split', { id: trump, mentionIds: [], claimIds: [second], name: 'Ivanka Trump' });
    expect(await statusOf(second)).toMatchObject({ status: 'in review', claimantId: expect.not.stringMatching(trump) });
  });

  it('when a masked name inside its span is restored, changed or removed; a claim elsewhere stays verified', async () => {
    const { text } = await sample();
    const gap = findGaps(text)[0]!;
    const around = await verifiedClaim(Math.max(0, gap.start - 20), gap.end + 20);
    const elsewhere = await verifiedClaim(text.indexOf('Trump has issued'), text.indexOf('Trump has issued') + 42);

    const mentionId = createdId(await lib.call('mentions.create', { documentId, start: gap.start, end: gap.end, type: 'person', masked: true }));
    expect((await statusOf(around)).status).toBe('verified'); // marked, nothing restored yet
    await lib.call('mentions.update', { id: mentionId, restoration: 'Kim Kardashian West' });
    await outdated(around, 'quoted text');
    expect((await statusOf(elsewhere)).status).toBe('verified');
    const undone = await lib.call('history.undo', { documentId });
    expect(undone).toBeTruthy();
    expect((await statusOf(around)).status).toBe('verified'); // one undo step takes both back

    await lib.call('assist.confirmGap', { documentId, start: gap.start, end: gap.end, type: 'person', restoration: 'Kim Kardashian' });
    await outdated(around, 'quoted text');
  });
});

describe('library search sees the derived status', () => {
  it('finds an approved claim under "verified" and, once edited, under "in review" only', async () => {
    const { claimId } = await claimInReview();
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId, decision: 'approve' });
    const found = async (status: 'verified' | 'in review') =>
      (await lib.call('search.library', { query: 'handful pardons', kinds: ['claim'], claimStatus: [status] })).hits.map((h) => [h.id, h.claimStatus]);
    expect(await found('verified')).toEqual([[claimId, 'verified']]);
    expect(await found('in review')).toEqual([]);
    await lib.call('settings.update', { userName: 'Ana Checker' });
    await lib.call('claims.update', { id: claimId, explanation: 'Edited after the approval.' });
    expect(await found('verified')).toEqual([]);
    expect(await found('in review')).toEqual([[claimId, 'in review']]);
  });
});

describe('history.undo and a review', () => {
  it("does not let another person undo or redo a reviewer's approval; the reviewer can, and a deleted claim's reviews come back with it", async () => {
    const { documentId, claimId } = await claimInReview();
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('reviews.create', { claimId, decision: 'approve' });
    const status = async () => (await lib.call('documents.annotations', { id: documentId })).claims.find((c) => c.id === claimId)?.status;
    expect(await status()).toBe('verified');

    await lib.call('settings.update', { userName: 'Ana Checker' });
    const before = lib.snapshot();
    const refused = await lib.service.call('history.undo', { documentId });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: "Cannot undo Rui Reviewer's review: only Rui Reviewer can take it back." } });
    expect(lib.snapshot()).toBe(before);
    expect(await status()).toBe('verified');

    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('history.undo', { documentId });
    expect(await status()).toBe('in review');
    await lib.call('settings.update', { userName: 'Ana Checker' });
    expect(await lib.service.call('history.redo', { documentId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: "Cannot redo Rui Reviewer's review: only Rui Reviewer can make it again." }
    });
    await lib.call('settings.update', { userName: 'Rui Reviewer' });
    await lib.call('history.redo', { documentId });
    expect(await status()).toBe('verified');

    // The checker deletes the claim, reviews and all; undoing that is the checker's own step.
    await lib.call('settings.update', { userName: 'Ana Checker' });
    await lib.call('claims.delete', { id: claimId });
    await lib.call('history.undo', { documentId });
    expect(await status()).toBe('verified');
  });
});
