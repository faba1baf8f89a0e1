import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { EMOJI_TEXT, type Annotated, annotate, handEdited, open, pack, span } from './helpers';

let original: TempLibrary;
let corrected: TempLibrary;
let ids: Annotated;

beforeEach(async () => {
  original = tempLibrary('factdesk-original-');
  corrected = tempLibrary('factdesk-corrected-');
  ids = await annotate(original);
  await original.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'Source?' });
  await corrected.call('settings.update', { userName: 'Cleo Editor' });
});
afterEach(() => {
  original.close();
  corrected.close();
});

/** The corrected article in the other library, and the original's annotations opened into it. */
async function openIntoCorrected(text: string) {
  const { document } = await corrected.importText(text, 'corrected.txt');
  const report = await open(corrected, (await pack(original, ids.documentId)).content, 'original.factdesk.json', document.id);
  return { documentId: document.id, report };
}

describe('re-anchoring in a corrected article', () => {
  it('places annotations after edits before, inside and around spans: exactly, fuzzily or as orphans', async () => {
    const text = `🆕 Corrected 👩🏽‍💻 version. ${EMOJI_TEXT}`
      .replace('Fact check 𝔘nited:', 'Fact check:')
      .replace('was commuted in June 2018', 'had been commuted in June 2018');
    const { documentId, report } = await openIntoCorrected(text);
    expect(report).toMatchObject({ outcome: 'merged', matchedBy: 'target', textDiffers: true, anchoring: { exact: 1, fuzzy: 1, orphaned: 1 } });
    const view = await corrected.call('documents.get', { id: documentId });
    expect(view.mentions.map((m) => [m.exact, m.entityId])).toEqual([['Kim Kardashian West', ids.entityId]]);
    expect(view.mentions[0]).toMatchObject(span(text, 'Kim Kardashian West'));
    expect(view.claims[0]!.exact).toMatch(/^The 💊 sentence of Alice Marie Johnson, 63, had been commuted in June/);
    expect(view.evidence.map((e) => e.id)).toEqual([ids.evidenceId]);

    const orphans = await corrected.call('exchange.orphans', { documentId });
    expect(orphans).toEqual([
      expect.objectContaining({ id: ids.astralMentionId, kind: 'mention', exact: '𝔘nited', label: 'organization', reason: expect.stringContaining('not found') })
    ]);
    const changes = await corrected.call('exchange.reattach', { orphanId: ids.astralMentionId, ...span(text, 'Fact check') });
    expect(changes.mentions.upsert).toEqual([expect.objectContaining({ id: ids.astralMentionId, exact: 'Fact check', type: 'organization' })]);
    expect(await corrected.call('exchange.orphans', { documentId })).toEqual([]);
  });

  it('leaves a quote too costly to search an orphan at once, saying why, and places the others', async () => {
    // 60,000 characters, 20,000 of them different: one search for it would take minutes.
    const file = JSON.parse((await pack(original, ids.documentId)).content);
    file.mentions.find((m: { id: string }) => m.id === ids.mentionId).target.selector[0].exact = Array.from({ length: 60_000 }, (_, i) =>
      String.fromCharCode(0x4e00 + (i % 20_000))
    ).join('');
    const { document } = await corrected.importText(EMOJI_TEXT, 'corrected.txt');
    const report = await open(corrected, handEdited(file), 'original.factdesk.json', document.id);
    expect(report.anchoring).toEqual({ exact: 2, fuzzy: 0, orphaned: 1 });
    expect(await corrected.call('exchange.orphans', { documentId: document.id })).toEqual([
      expect.objectContaining({ id: ids.mentionId, reason: expect.stringContaining('the search for it was stopped') })
    ]);
  });

  it('keeps an orphaned claim with its evidence and reviews through another exchange, and re-attaches it whole', async () => {
    const text = EMOJI_TEXT.replace('The 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018, officials said.', 'Officials declined to comment.');
    const { documentId, report } = await openIntoCorrected(text);
    expect(report.anchoring).toEqual({ exact: 2, fuzzy: 0, orphaned: 1 });
    expect(report.orphansRemaining).toBe(1);
    const [orphan] = await corrected.call('exchange.orphans', { documentId });
    expect(orphan).toMatchObject({ id: ids.claimId, kind: 'claim', evidenceCount: 1, reviewCount: 1 });
    expect(orphan!.hintStart).toBeLessThanOrEqual(text.length);

    // Onward to a third library: the orphan travels with its evidence and review.
    const file = JSON.parse((await pack(corrected, documentId)).content);
    expect(file.claims).toEqual([expect.objectContaining({ id: ids.claimId, orphaned: true })]);
    expect(file.evidence.map((e: { claimId: string }) => e.claimId)).toEqual([ids.claimId]);
    const third = tempLibrary('factdesk-third-');
    try {
      const onward = await open(third, JSON.stringify(file));
      expect(onward.anchoring).toEqual({ exact: 2, fuzzy: 0, orphaned: 1 });
      await third.call('settings.update', { userName: 'Dan Third' });
      const changes = await third.call('exchange.reattach', { orphanId: ids.claimId, ...span(text, 'Officials declined to comment.') });
      expect(changes.claims.upsert.map((c) => c.id)).toEqual([ids.claimId]);
      const view = await third.call('documents.get', { id: documentId });
      expect(view.claims[0]).toMatchObject({ id: ids.claimId, exact: 'Officials declined to comment.', verdict: { label: 'True' } });
      expect(view.evidence.map((e) => e.id)).toEqual([ids.evidenceId]);
      expect(view.reviews.map((r) => r.comment)).toEqual(['Source?']);
    } finally {
      third.close();
    }
  });

  it('refuses to re-attach to a span that is not in the text, or to cut an emoji', async () => {
    const text = EMOJI_TEXT.replace('Fact check 𝔘nited:', 'Fact check:');
    const { documentId } = await openIntoCorrected(text);
    const [orphan] = await corrected.call('exchange.orphans', { documentId });
    const cut = await corrected.service.call('exchange.reattach', { orphanId: orphan!.id, start: 0, end: 1 });
    expect(cut).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('cut a character in half') } });
    const outside = await corrected.service.call('exchange.reattach', { orphanId: orphan!.id, start: 0, end: text.length + 5 });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
