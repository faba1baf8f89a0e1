/**
 * Who counts as a claim's checker: its checker under any form of her name, and everyone who changed
 * what an approval covers (the claim's checked fields and its evidence), here or in a shared file.
 * Their approval is a self-review: confirmed, and said on the sheet, or it does not count.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/main/export/canonical-json';
import { signValue } from '../../../src/main/identity/signature';
import { userKey } from '../../../src/main/identity/user-keys';
import { sha256Hex } from '../../../src/main/import/hash';
import { listClaims } from '../../../src/main/store/claims';
import { runMutation } from '../../../src/main/store/history';
import { reviewRow } from '../../../src/main/store/reviews';
import { signedReviewPart, verifyClaims } from '../../../src/main/workflow/verification';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';
import { handEdited, open, pack, withRecordsEdited } from '../exchange/helpers';

const TEXT = 'The mayor said on Tuesday that the city had cut its budget by 40 percent since 2019. Critics disagreed.\n';
const libs: TempLibrary[] = [];
const library = (prefix: string) => {
  const lib = tempLibrary(`factdesk-checkers-${prefix}-`);
  libs.push(lib);
  return lib;
};
afterEach(() => {
  for (const lib of libs.splice(0)) lib.close();
});

let lib: TempLibrary;
beforeEach(() => {
  lib = library('main');
});

const as = (l: TempLibrary, userName: string) => l.call('settings.update', { userName });

/** Chris marks the claim, gives it a verdict and sends it for review. */
async function chrisSendsForReview(l = lib) {
  await as(l, 'Chris Checker');
  const { document } = await l.importText(TEXT);
  const start = TEXT.indexOf('the city had');
  const claimId = createdId(await l.call('claims.create', { documentId: document.id, start, end: start + 70 }));
  await l.call('claims.update', { id: claimId, verdictLabel: 'Unverifiable', explanation: 'No budget line says so.' });
  await l.call('claims.transition', { id: claimId, to: 'researching' });
  await l.call('claims.transition', { id: claimId, to: 'in review' });
  return { documentId: document.id, claimId };
}

/** Bea sends it back, rewrites the verdict and explanation, and sends it for review again. */
async function beaRewrites(claimId: string, l = lib) {
  await as(l, 'Bea Reviewer');
  await l.call('reviews.create', { claimId, decision: 'request changes', comment: 'The 2019 figure is from another budget line.' });
  await l.call('claims.transition', { id: claimId, to: 'researching' });
  await l.call('claims.update', { id: claimId, verdictLabel: 'Mostly false', explanation: 'The cut was 12 percent.' });
  await l.call('claims.transition', { id: claimId, to: 'in review' });
}

const claimIn = async (l: TempLibrary, documentId: string) => (await l.call('documents.get', { id: documentId })).claims[0]!;
const sheet = (l: TempLibrary, documentId: string) => l.call('export.factSheet', { documentId, format: 'md' });
const sheetLines = async (l: TempLibrary, documentId: string) =>
  (await sheet(l, documentId)).text!.split('\n').filter((line) => /\*\*(Checked|Reviewed) by:\*\*/.test(line)).map((line) => line.replace(/ \(key [^)]*\)/, '').replace(/, \d{4}-\d\d-\d\d$/, ''));
const refusal = (l: TempLibrary, claimId: string) => l.service.call('reviews.create', { claimId, decision: 'approve' });

/** An approval as a version without these checks signed it: by `reviewer`, of the claim as it is now, not a self-review. */
function approvalOfAnOlderVersion(l: TempLibrary, documentId: string, reviewer: string) {
  const [{ claim, content }] = verifyClaims(l.db, documentId, listClaims(l.db, documentId)) as [ReturnType<typeof verifyClaims>[number]];
  const at = '2026-02-01T00:00:00.000Z';
  const key = userKey(l.db, reviewer, at);
  const json = canonicalJson(content);
  const unsigned = { id: randomUUID(), claimId: claim.id, author: reviewer, decision: 'approve' as const, comment: '', selfReview: false, createdAt: at, content: json, contentHash: sha256Hex(json), publicKey: key.publicKey };
  runMutation({ db: l.db, clock: () => new Date(at), newId: randomUUID, user: reviewer }, { documentId, action: 'reviews.approve' }, (g) =>
    g.insert('reviews', reviewRow({ ...unsigned, signature: signValue(key.privateKey, signedReviewPart(unsigned)) }))
  );
}

describe('the checker under another form of her name', () => {
  it.each(['chris checker', 'Chris  Checker', 'Ｃｈｒｉｓ Ｃｈｅｃｋｅｒ', 'Chris Checker\u00a0', ' CHRIS CHECKER'])(
    'as "%s", approving her own claim is a self-review',
    async (form) => {
      const { documentId, claimId } = await chrisSendsForReview();
      await as(lib, form);
      const refused = await refusal(lib, claimId);
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/checked this claim, so another person must approve it/) } });
      expect((await claimIn(lib, documentId)).status).toBe('in review');

      await lib.call('reviews.create', { claimId, decision: 'approve', confirmSelfReview: true });
      const [review] = (await lib.call('documents.get', { id: documentId })).reviews.filter((r) => r.decision === 'approve');
      expect(review).toMatchObject({ selfReview: true });
      expect(await sheetLines(lib, documentId)).toEqual(['- **Checked by:** Chris Checker', expect.stringMatching(/^- \*\*Reviewed by:\*\* self-reviewed by /)]);
    }
  );

  it.each(['Chris Checker\u200b', 'Chris Chеcker', 'Chris Сhecker', 'Chris\u0007Checker', 'Chris\u2066Checker'])(
    'a name such as "%s" is refused, and nothing changes',
    async (name) => {
      const { claimId } = await chrisSendsForReview();
      const before = lib.snapshot();
      const result = await lib.service.call('settings.update', { userName: name });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/invisible|control|alphabets/) } });
      expect(lib.snapshot()).toBe(before);
      expect(await refusal(lib, claimId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  );

  it('a name is stored cleaned; names in one alphabet per word are kept as typed', async () => {
    expect((await as(lib, '  Chris \t Checker ')).userName).toBe('Chris Checker');
    expect((await as(lib, 'Jose\u0301 Nu\u0301n\u0303ez')).userName).toBe('José Núñez');
    for (const name of ['李明', 'Ольга Петрова', "Anne-Marie O'Neil"]) expect((await as(lib, name)).userName).toBe(name);
  });

  it('an approval an older version let another form of her name sign does not verify the claim', async () => {
    const { documentId } = await chrisSendsForReview();
    approvalOfAnOlderVersion(lib, documentId, 'CHRIS CHECKER');
    const claim = await claimIn(lib, documentId);
    expect(claim.status).toBe('in review');
    expect(claim.verification?.approval).toMatchObject({ reviewer: 'CHRIS CHECKER', check: 'own claim' });
    expect((await sheet(lib, documentId)).included).toBe(0);
  });
});

describe('a reviewer who changed the claim', () => {
  it('approves her own rewrite only as a self-review, and the sheet names her as a checker', async () => {
    const { documentId, claimId } = await chrisSendsForReview();
    await beaRewrites(claimId);
    expect(await refusal(lib, claimId)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^Bea Reviewer changed this claim, so another person must approve it/) }
    });
    expect((await claimIn(lib, documentId)).verification?.checkers).toEqual(['Chris Checker', 'Bea Reviewer']);

    await lib.call('reviews.create', { claimId, decision: 'approve', confirmSelfReview: true });
    expect(await claimIn(lib, documentId)).toMatchObject({ status: 'verified' });
    expect(await sheetLines(lib, documentId)).toEqual(['- **Checked by:** Chris Checker, Bea Reviewer', '- **Reviewed by:** self-reviewed by Bea Reviewer']);
  });

  it('a third person approves it independently; the sheet names both checkers', async () => {
    const { documentId, claimId } = await chrisSendsForReview();
    await beaRewrites(claimId);
    await as(lib, 'Dan Editor');
    await lib.call('reviews.create', { claimId, decision: 'approve' });
    expect(await sheetLines(lib, documentId)).toEqual(['- **Checked by:** Chris Checker, Bea Reviewer', '- **Reviewed by:** Dan Editor']);
  });

  it('adding evidence is a change; requesting changes and moving the claim are not', async () => {
    const { documentId, claimId } = await chrisSendsForReview();
    await as(lib, 'Bea Reviewer');
    await lib.call('reviews.create', { claimId, decision: 'request changes', comment: 'Needs a source.' });
    await lib.call('claims.transition', { id: claimId, to: 'researching' });
    await lib.call('claims.transition', { id: claimId, to: 'in review' });
    expect((await claimIn(lib, documentId)).verification?.checkers).toEqual(['Chris Checker']);

    await lib.call('evidence.create', { claimId, relation: 'refutes', title: 'Budget 2019' });
    expect((await claimIn(lib, documentId)).verification?.checkers).toEqual(['Chris Checker', 'Bea Reviewer']);
    expect(await refusal(lib, claimId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('an approval an older version let her sign without self-review does not verify the claim', async () => {
    const { documentId, claimId } = await chrisSendsForReview();
    await beaRewrites(claimId);
    approvalOfAnOlderVersion(lib, documentId, 'Bea Reviewer');
    expect((await claimIn(lib, documentId)).verification?.approval).toMatchObject({ check: 'own claim' });
    expect((await sheet(lib, documentId)).included).toBe(0);
  });

  it('undo and redo give the same answer: an undone change still counts, undo by someone else makes no one a checker', async () => {
    const { documentId, claimId } = await chrisSendsForReview();
    await as(lib, 'Bea Reviewer');
    await lib.call('claims.update', { id: claimId, explanation: 'Bea was here.' });
    await lib.call('history.undo', { documentId });
    expect(await claimIn(lib, documentId)).toMatchObject({ explanation: 'No budget line says so.', verification: { checkers: ['Chris Checker', 'Bea Reviewer'] } });
    await as(lib, 'Dan Editor');
    await lib.call('history.redo', { documentId });
    await lib.call('history.undo', { documentId });
    expect((await claimIn(lib, documentId)).verification?.checkers).toEqual(['Chris Checker', 'Bea Reviewer']);

    await lib.call('reviews.create', { claimId, decision: 'approve' });
    expect((await claimIn(lib, documentId)).status).toBe('verified');
    await lib.call('history.undo', { documentId });
    expect((await claimIn(lib, documentId)).status).toBe('in review');
    await lib.call('history.redo', { documentId });
    expect(await claimIn(lib, documentId)).toMatchObject({ status: 'verified', verification: { checkers: ['Chris Checker', 'Bea Reviewer'] } });
    expect(await sheetLines(lib, documentId)).toEqual(['- **Checked by:** Chris Checker, Bea Reviewer', '- **Reviewed by:** Dan Editor']);
  });
});

describe('changes received in a shared file', () => {
  async function beaRewritesInHerLibrary() {
    const chris = library('chris');
    const bea = library('bea');
    const { documentId, claimId } = await chrisSendsForReview(chris);
    await as(bea, 'Bea Reviewer');
    await open(bea, (await pack(chris, documentId)).content, 'from-chris.factdesk.json');
    await beaRewrites(claimId, bea);
    return { chris, bea, documentId, claimId };
  }

  it('name their editors in every library that opens them, so a self-reviewed approval stays one', async () => {
    const { chris, bea, documentId, claimId } = await beaRewritesInHerLibrary();
    // Chris's changes came to Bea in Chris's file: opening it made her no checker; her rewrite did.
    expect((await claimIn(bea, documentId)).verification?.checkers).toEqual(['Chris Checker', 'Bea Reviewer']);
    await bea.call('reviews.create', { claimId, decision: 'approve', confirmSelfReview: true });
    const file = (await pack(bea, documentId)).content;
    const beaKey = bea.db.prepare('SELECT public_key FROM known_keys WHERE user_name = ?').pluck().get('Bea Reviewer') as string;

    for (const l of [chris, library('dan')]) {
      await as(l, l === chris ? 'Chris Checker' : 'Dan Editor');
      await open(l, file, 'from-bea.factdesk.json');
      await l.call('keys.trust', { userName: 'Bea Reviewer', publicKey: beaKey });
      expect(await claimIn(l, documentId)).toMatchObject({ status: 'verified', verification: { checkers: ['Chris Checker', 'Bea Reviewer'] } });
      expect(await sheetLines(l, documentId)).toEqual(['- **Checked by:** Chris Checker, Bea Reviewer', '- **Reviewed by:** self-reviewed by Bea Reviewer']);
    }
  });

  it('without the history that names who made them, are the file author\'s', async () => {
    const { chris, bea, documentId, claimId } = await beaRewritesInHerLibrary();
    const stripped = handEdited(withRecordsEdited((await pack(bea, documentId)).content, (f) => {
      (f as unknown as { history: unknown[] }).history = [];
    }));
    await open(chris, stripped, 'from-bea.factdesk.json');
    expect((await claimIn(chris, documentId)).verification?.checkers).toEqual(['Chris Checker', 'Bea Reviewer']);
    await as(chris, 'Bea Reviewer');
    expect(await refusal(chris, claimId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
