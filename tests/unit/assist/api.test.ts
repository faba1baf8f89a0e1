import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempLibrary, SAMPLE_FILE, createdId, tempLibrary } from '../helpers/temp-library';

// Suggestions run in worker threads that load the language models on first use (seconds on a busy machine).
let lib: TempLibrary;
beforeEach(async () => {
  lib = tempLibrary('factdesk-assist-');
  await lib.call('settings.update', { userName: 'Ana Checker' });
});
afterEach(() => lib.close());

async function sample() {
  const { document } = await lib.importFile(SAMPLE_FILE);
  const { text } = (await lib.call('documents.get', { id: document.id })).document;
  return { id: document.id, text };
}

const spanOf = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in the text`);
  return { start, end: start + needle.length };
};

describe('entity suggestions', { timeout: 60_000 }, () => {
  it('suggests clean, typed spans and says the models are English-only', async () => {
    const { id } = await sample();
    const result = await lib.call('assist.entitySuggestions', { documentId: id });
    expect(result).toMatchObject({ documentId: id, language: 'en' });
    expect(result.notice).toMatch(/English/);
    const kim = result.suggestions.find((s) => s.exact === 'Kardashian West')!;
    expect(kim).toMatchObject({ type: 'person', entityId: null });
    expect(result.suggestions.map((s) => s.exact)).not.toContain("Johnson's");
  });

  it('flags a text that is not English', async () => {
    const { document } = await lib.importText('Le président a reçu la vedette à la Maison Blanche mardi pour parler de la réforme des prisons.', 'fr.txt');
    const result = await lib.call('assist.entitySuggestions', { documentId: document.id });
    expect(result.language).toBe('other');
    expect(result.notice).toMatch(/English-only/);
  });

  it('accepts one suggestion, or all of a type, as one undo step each', async () => {
    const { id } = await sample();
    const { suggestions } = await lib.call('assist.entitySuggestions', { documentId: id });
    const first = suggestions.find((s) => s.exact === 'Alice Marie Johnson')!;
    const one = await lib.call('assist.acceptEntities', { documentId: id, suggestions: [first] });
    expect(one.mentions.upsert).toEqual([
      expect.objectContaining({ exact: 'Alice Marie Johnson', type: 'person', origin: 'suggested', status: 'accepted', author: 'Ana Checker' })
    ]);
    expect(one.undo).toMatchObject({ canUndo: true, undoAction: 'assist.acceptEntities' });

    const dates = suggestions.filter((s) => s.type === 'date');
    expect(dates.length).toBeGreaterThanOrEqual(4);
    const all = await lib.call('assist.acceptEntities', { documentId: id, suggestions: dates });
    expect(all.mentions.upsert).toHaveLength(dates.length);
    const again = await lib.call('assist.entitySuggestions', { documentId: id });
    expect(again.suggestions.filter((s) => s.type === 'date')).toEqual([]);

    const undone = await lib.call('history.undo', { documentId: id });
    expect(undone.mentions.remove).toHaveLength(dates.length);
    expect((await lib.call('documents.get', { id })).mentions.map((m) => m.exact)).toEqual(['Alice Marie Johnson']);
  });

  it('does not suggest a rejected text again, in this document or (everywhere) in others; unreject brings it back', async () => {
    const { id, text } = await sample();
    const other = (await lib.importText('Alice Marie Johnson met Trump in the Oval Office on Monday. Alice Marie Johnson said she was grateful.', 'other.txt')).document.id;
    const alice = (await lib.call('assist.entitySuggestions', { documentId: id })).suggestions.find((s) => s.exact === 'Alice Marie Johnson')!;
    const [rejection] = await lib.call('assist.rejectEntities', { documentId: id, suggestions: [alice] });
    expect(rejection).toMatchObject({ documentId: id, exact: 'Alice Marie Johnson', type: alice.type, ...spanOf(text, 'Alice Marie Johnson'), author: 'Ana Checker' });
    expect((await lib.call('assist.entitySuggestions', { documentId: id })).suggestions.map((s) => s.exact)).not.toContain('Alice Marie Johnson');
    const inOther = (await lib.call('assist.entitySuggestions', { documentId: other })).suggestions.filter((s) => s.exact === 'Alice Marie Johnson');
    expect(inOther.length).toBeGreaterThan(0);

    const oval = spanOf(text, 'Oval Office');
    const [everywhere] = await lib.call('assist.rejectEntities', { documentId: id, suggestions: [{ ...oval, type: 'location' }], everywhere: true });
    expect(everywhere!.documentId).toBeNull();
    const otherNow = await lib.call('assist.entitySuggestions', { documentId: other });
    expect(otherNow.suggestions.filter((s) => s.exact === 'Oval Office' && s.type === 'location')).toEqual([]);
    expect((await lib.call('assist.rejections', { documentId: other })).map((r) => r.exact)).toEqual(['Oval Office']);

    expect(await lib.call('assist.unreject', { ids: [rejection!.id] })).toEqual({ removed: 1 });
    expect((await lib.call('assist.entitySuggestions', { documentId: id })).suggestions.map((s) => s.exact)).toContain('Alice Marie Johnson');
    // Rejections are not undo steps: the document's undo stack stays empty.
    expect((await lib.call('documents.get', { id })).undo.canUndo).toBe(false);
  });

  it('uses what the library knows: a linked entity is suggested with its id in another article', async () => {
    const { id, text } = await sample();
    const entity = createdId(await lib.call('entities.create', { name: 'Kim Kardashian West', type: 'person', aliases: ['Kardashian West'] }));
    await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian West'), type: 'person', entityId: entity });
    const other = (await lib.importText('Later, Kardashian West spoke in Los Angeles about the case.', 'later.txt')).document.id;
    const found = (await lib.call('assist.entitySuggestions', { documentId: other })).suggestions.find((s) => s.exact === 'Kardashian West');
    expect(found).toMatchObject({ type: 'person', entityId: entity, source: 'library' });
    expect(found!.reason).toMatch(/known in the library as Kim Kardashian West/);
  });

  it('refuses bad input and changes nothing', async () => {
    const { id } = await sample();
    const before = lib.snapshot();
    for (const [input, code] of [
      [{ documentId: id, suggestions: [{ start: 5, end: 2, type: 'person' }] }, 'invalid_input'],
      [{ documentId: id, suggestions: [{ start: 0, end: 7, type: 'no-such-label' }] }, 'invalid_input'],
      [{ documentId: id, suggestions: [{ start: 0, end: 7, type: 'person', entityId: 'missing' }] }, 'not_found'],
      [{ documentId: 'missing', suggestions: [{ start: 0, end: 7, type: 'person' }] }, 'not_found'],
      [{ documentId: id, suggestions: [] }, 'invalid_input']
    ] as const) {
      expect(await lib.service.call('assist.acceptEntities', input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await lib.service.call('assist.rejectEntities', { documentId: id, suggestions: [{ start: 0, end: 99_999, type: 'person' }] })).toMatchObject({ ok: false });
    expect(lib.snapshot()).toBe(before);
  });
});

describe('propagation', () => {
  it('previews and labels every occurrence in the document in one undo step', async () => {
    const { id, text } = await sample();
    const source = createdId(await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian West'), type: 'person' }));
    await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian West', 1000), type: 'person' });
    const occurrences = text.match(/\bKardashian West\b/g)!.length;
    const before = lib.snapshot();
    const preview = await lib.call('assist.propagationPreview', { mentionId: source, scope: 'document' });
    expect(lib.snapshot()).toBe(before);
    expect(preview).toMatchObject({ text: 'Kardashian West', type: 'person', scope: 'document', caseSensitive: true, total: occurrences - 2 });
    const example = preview.documents[0]!.examples[0]!;
    expect(text.slice(example.start, example.end)).toBe('Kardashian West');
    expect(text.slice(example.start - example.before.length, example.end + example.after.length)).toBe(example.before + 'Kardashian West' + example.after);

    const outcome = await lib.call('assist.propagate', { mentionId: source, scope: 'document' });
    expect(outcome.total).toBe(occurrences - 2);
    // The unlinked source is linked too (to the registry entity of its name), beside the new mentions.
    const created = outcome.changes.mentions.upsert.filter((m) => m.id !== source);
    expect(created).toHaveLength(occurrences - 2);
    expect(created.every((m) => m.origin === 'propagated' && m.exact === 'Kardashian West')).toBe(true);
    expect(outcome.changes.undo.undoAction).toBe('assist.propagate');
    expect((await lib.call('assist.propagationPreview', { mentionId: source, scope: 'document' })).total).toBe(0);

    await lib.call('history.undo', { documentId: id });
    expect((await lib.call('documents.get', { id })).mentions).toHaveLength(2);
  });

  it('labels across the library, whole words, case-sensitive by default; each document undoes its own part', async () => {
    const { id, text } = await sample();
    const other = (await lib.importText('Twitter said it would look into it. A twitter of birds; Twitterverse is no match.', 'b.txt')).document.id;
    const third = (await lib.importText('Nothing to see here.', 'c.txt')).document.id;
    const source = createdId(await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Twitter'), type: 'organization' }));

    const sensitive = await lib.call('assist.propagationPreview', { mentionId: source, scope: 'library' });
    expect(sensitive.documents.map((d) => [d.documentId, d.count])).toEqual([[id, 2], [other, 1]]);
    const insensitive = await lib.call('assist.propagationPreview', { mentionId: source, scope: 'library', caseSensitive: false });
    expect(insensitive.total).toBe(4);

    const outcome = await lib.call('assist.propagate', { mentionId: source, scope: 'library' });
    expect(outcome.documents.map((d) => [d.documentId, d.created])).toEqual([[id, 2], [other, 1]]);
    expect(outcome.changes.documentId).toBe(id);
    expect((await lib.call('documents.get', { id: third })).mentions).toEqual([]);
    const otherMention = (await lib.call('documents.get', { id: other })).mentions;
    expect(otherMention).toEqual([expect.objectContaining({ exact: 'Twitter', type: 'organization', origin: 'propagated', start: 0 })]);

    const undoneOther = await lib.call('history.undo', { documentId: other });
    expect(undoneOther.mentions.remove).toHaveLength(1);
    expect((await lib.call('documents.get', { id })).mentions).toHaveLength(3);
  });

  it('refuses to propagate a masked gap', async () => {
    const { id, text } = await sample();
    const gap = (await lib.call('documents.get', { id })).gaps[0]!;
    const masked = createdId(await lib.call('mentions.create', { documentId: id, ...gap, type: 'person', masked: true }));
    expect(text.slice(gap.start, gap.end).trim()).toBe('');
    expect(await lib.service.call('assist.propagate', { mentionId: masked, scope: 'document' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('entity registry', () => {
  async function annotated() {
    const { id, text } = await sample();
    const kim = createdId(await lib.call('entities.create', { name: 'Kim Kardashian West', type: 'person', externalIds: { wikidata: 'Q186304' } }));
    const kk = createdId(await lib.call('entities.create', { name: 'Kim Kardashian', type: 'person', aliases: ['KKW'], description: 'Reality TV star' }));
    const m1 = createdId(await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian West'), type: 'person', entityId: kim }));
    const m2 = createdId(await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian told'), end: spanOf(text, 'Kardashian told').start + 10, type: 'person', entityId: kk }));
    const claim = createdId(await lib.call('assist.acceptClaim', { documentId: id, ...spanOf(text, 'Kardashian West supported'), claimant: { entityId: kk } }));
    return { id, text, kim, kk, m1, m2, claim };
  }

  it('lists entities with their mention, document and claim counts; the page shows mentions and claims', async () => {
    const { id, kim, kk } = await annotated();
    const registry = await lib.call('entities.registry', {});
    expect(registry.total).toBe(2);
    expect(registry.entities.map((e) => [e.entity.id, e.mentionCount, e.documentCount, e.claimCount])).toEqual(
      expect.arrayContaining([[kim, 1, 1, 0], [kk, 1, 1, 1]])
    );
    expect((await lib.call('entities.registry', { query: 'KKW' })).entities.map((e) => e.entity.id)).toEqual([kk]);
    const page = await lib.call('entities.page', { id: kk });
    expect(page.mentions).toEqual([expect.objectContaining({ documentTitle: expect.stringContaining('Reality TV star') })]);
    expect(page.mentions[0]!.mention.suffix).toMatch(/^ told Mic/);
    expect(page.claims.map((c) => c.claim.documentId)).toEqual([id]);
    expect(page.documents).toEqual([expect.objectContaining({ documentId: id, mentionCount: 1 })]);
  });

  it('merges two entities in one step: mentions and claimants relinked, aliases and ids united', async () => {
    const { id, kim, kk, m2, claim } = await annotated();
    const changes = await lib.call('entities.merge', { targetId: kim, sourceId: kk, documentId: id });
    expect(changes.entities.remove).toEqual([kk]);
    expect(changes.entities.upsert[0]).toMatchObject({
      id: kim,
      aliases: ['Kim Kardashian', 'KKW'],
      description: 'Reality TV star',
      externalIds: { wikidata: 'Q186304' }
    });
    expect(changes.mentions.upsert.map((m) => [m.id, m.entityId])).toEqual([[m2, kim]]);
    expect(changes.claims.upsert.map((c) => [c.id, c.claimantId])).toEqual([[claim, kim]]);
    expect(await lib.service.call('entities.page', { id: kk })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const groups = lib.db.prepare("SELECT count(DISTINCT group_id) AS n FROM history WHERE action = 'entities.merge'").get() as { n: number };
    expect(groups.n).toBe(1);
    expect(await lib.service.call('entities.merge', { targetId: kim, sourceId: kim })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // Merged through a document, the merge is one undo step there: everything comes back.
    expect(changes.undo.undoAction).toBe('entities.merge');
    await lib.call('history.undo', { documentId: id });
    const restored = await lib.call('entities.page', { id: kk });
    expect(restored.mentions.map((m) => m.mention.id)).toEqual([m2]);
    expect(restored.claims.map((c) => c.claim.id)).toEqual([claim]);
    expect((await lib.call('entities.page', { id: kim })).entity.aliases).toEqual([]);
  });

  it('splits chosen mentions off into a new entity', async () => {
    const { id, kim, kk, m1, m2 } = await annotated();
    await lib.call('entities.merge', { targetId: kim, sourceId: kk, documentId: id });
    const split = await lib.call('entities.split', { id: kim, mentionIds: [m2], name: 'Kim Kardashian (TV)' });
    const created = createdId(split);
    expect(split.entities.upsert).toEqual([expect.objectContaining({ id: created, name: 'Kim Kardashian (TV)', type: 'person' })]);
    expect(split.mentions.upsert.map((m) => [m.id, m.entityId])).toEqual([[m2, created]]);
    expect(await lib.service.call('entities.split', { id: kim, mentionIds: [m2], name: 'X' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await lib.service.call('entities.split', { id: kim, mentionIds: [], name: 'X' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await lib.call('entities.page', { id: kim })).mentions.map((m) => m.mention.id)).toEqual([m1]);
  });
});

describe('gap restoration', { timeout: 60_000 }, () => {
  it('ranks candidates for each gap and confirms one with its entity in one step', async () => {
    const { id, text } = await sample();
    const kim = createdId(await lib.call('entities.create', { name: 'Kim Kardashian West', type: 'person', aliases: ['Kardashian West'] }));
    await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian West'), type: 'person', entityId: kim });
    const { gaps, language } = await lib.call('assist.gapCandidates', { documentId: id });
    expect(language).toBe('en');
    expect(gaps).toHaveLength(4);
    expect(gaps[0]!.candidates[0]).toMatchObject({ name: 'Kim Kardashian West', entityId: kim, source: 'document' });
    expect(gaps[0]!.expected[0]).toEqual({ type: 'person', weight: 1 });
    expect(gaps[1]!.candidates[0]).toMatchObject({ name: 'White House', type: 'location' });
    expect(gaps[2]!.candidates[0]!.name).toBe('Trump');
    expect(gaps[2]!.cues).toEqual(expect.arrayContaining(['title or role "President" before the gap']));

    const confirmed = await lib.call('assist.confirmGap', { documentId: id, start: gaps[2]!.start, end: gaps[2]!.end, restoration: 'Donald Trump', type: 'person', createEntity: true });
    const mention = confirmed.mentions.upsert[0]!;
    expect(mention).toMatchObject({ masked: true, restoration: 'Donald Trump', type: 'person' });
    expect(confirmed.entities.upsert).toEqual([expect.objectContaining({ id: mention.entityId, name: 'Donald Trump' })]);
    const after = await lib.call('assist.gapCandidates', { documentId: id });
    expect(after.gaps[2]).toMatchObject({ mentionId: mention.id, restoration: 'Donald Trump', entityId: mention.entityId });

    const updated = await lib.call('assist.confirmGap', { documentId: id, start: gaps[2]!.start, end: gaps[2]!.end, restoration: 'President Trump', type: 'person', entityId: mention.entityId });
    expect(updated.mentions.upsert).toEqual([expect.objectContaining({ id: mention.id, restoration: 'President Trump' })]);
    await lib.call('history.undo', { documentId: id });
    await lib.call('history.undo', { documentId: id });
    expect((await lib.call('documents.get', { id })).mentions.filter((m) => m.masked)).toEqual([]);
    expect(await lib.service.call('assist.confirmGap', { documentId: id, start: 0, end: 7, restoration: 'X', type: 'person' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('offers and restores a name the wire copy wraps over two lines as one line', async () => {
    const wire = [
      'HONG KONG FIRM UPS STAKE',
      '',
      '    WASHINGTON, Feb 26 - Industrial Equity (Pacific) Ltd, a Hong Kong investment firm, said it raised its stake in Wrather',
      'Corp to 11 pct. In a filing with the Securities and Exchange Commission,    said it bought the shares at 20 dlrs each.'
    ].join('\n');
    const { document } = await lib.importText(wire, 'wire.txt');
    const { gaps } = await lib.call('assist.gapCandidates', { documentId: document.id });
    const names = gaps[0]!.candidates.map((c) => c.name);
    expect(names).toContain('Wrather Corp');
    expect(names.filter((n) => /\s\s|\n/.test(n))).toEqual([]);

    const changes = await lib.call('assist.confirmGap', {
      documentId: document.id, start: gaps[0]!.start, end: gaps[0]!.end, restoration: 'Wrather\nCorp', type: 'organization', createEntity: true
    });
    expect(changes.mentions.upsert[0]).toMatchObject({ masked: true, restoration: 'Wrather Corp' });
    expect(changes.entities.upsert).toEqual([expect.objectContaining({ name: 'Wrather Corp', type: 'organization' })]);
  });

  it('offers a name once when an unlinked mention and a library entity share it', async () => {
    const { id, text } = await sample();
    const house = createdId(await lib.call('entities.create', { name: 'White House', type: 'location', aliases: [] }));
    await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'White House'), type: 'location' });
    const { gaps } = await lib.call('assist.gapCandidates', { documentId: id });
    for (const gap of gaps) {
      const keys = gap.candidates.map((c) => `${c.name}:${c.type}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(gaps[1]!.candidates.filter((c) => c.name === 'White House')).toEqual([expect.objectContaining({ type: 'location', entityId: house })]);
  });

  it('links the article\'s unlinked mentions of a restored name to its entity instead of leaving two entries', async () => {
    const { id, text } = await sample();
    const trumps = [...text.matchAll(/\bTrump\b(?!')/g)].map((m) => ({ start: m.index, end: m.index + 5 }));
    for (const span of trumps) await lib.call('mentions.create', { documentId: id, ...span, type: 'person' });
    const { gaps } = await lib.call('assist.gapCandidates', { documentId: id });
    const trump = gaps[2]!.candidates.find((c) => c.name === 'Trump')!;
    expect(trump.entityId).toBeNull();
    await lib.call('assist.confirmGap', { documentId: id, start: gaps[2]!.start, end: gaps[2]!.end, restoration: 'Trump', type: 'person', createEntity: true });

    const { mentions, entities } = await lib.call('documents.get', { id });
    const named = entities.filter((e) => e.name === 'Trump');
    expect(named).toHaveLength(1);
    const linked = mentions.filter((m) => m.entityId === named[0]!.id);
    expect(linked).toHaveLength(trumps.length + 1);
    await lib.call('history.undo', { documentId: id });
    const undone = (await lib.call('documents.get', { id })).mentions;
    expect(undone.filter((m) => m.entityId)).toEqual([]);
  });
});

describe('claim suggestions', { timeout: 60_000 }, () => {
  it('ranks sentences with reasons, leaves out marked claims, and accepts one with score and claimant', async () => {
    const { id, text } = await sample();
    const result = await lib.call('assist.claimSuggestions', { documentId: id, limit: 5 });
    expect(result.suggestions).toHaveLength(5);
    expect(result.suggestions[0]!.score).toBeGreaterThanOrEqual(result.suggestions[4]!.score);
    const barnett = (await lib.call('assist.claimSuggestions', { documentId: id })).suggestions.find((s) => s.exact.startsWith('Attorney Brittany'))!;
    expect(barnett.claimant).toMatchObject({ name: 'Brittany K. Barnett', type: 'person', entityId: null });

    const changes = await lib.call('assist.acceptClaim', {
      documentId: id,
      start: barnett.start,
      end: barnett.end,
      score: barnett.score,
      scoreReason: barnett.scoreReason,
      claimant: { name: barnett.claimant!.name, type: barnett.claimant!.type }
    });
    const claim = changes.claims.upsert[0]!;
    const entity = changes.entities.upsert[0]!;
    expect(claim).toMatchObject({ exact: barnett.exact, score: barnett.score, scoreReason: barnett.scoreReason, claimantId: entity.id, status: 'open' });
    expect(entity).toMatchObject({ name: 'Brittany K. Barnett', type: 'person' });
    expect(changes.undo.undoAction).toBe('assist.acceptClaim');
    const again = await lib.call('assist.claimSuggestions', { documentId: id });
    expect(again.suggestions.some((s) => s.start === barnett.start)).toBe(false);

    // A second claim by the same claimant links the existing entity instead of creating one.
    const span = spanOf(text, 'Trump last week granted');
    const second = await lib.call('assist.acceptClaim', { documentId: id, start: span.start, end: text.indexOf('.', span.start) + 1, claimant: { name: 'brittany k. barnett', type: 'person' } });
    expect(second.entities.upsert).toEqual([]);
    expect(second.claims.upsert[0]!.claimantId).toBe(entity.id);
  });
});

describe('library search', () => {
  it('finds articles, claims, evidence and entities with snippets, and filters them', async () => {
    const { id, text } = await sample();
    const kim = createdId(await lib.call('entities.create', { name: 'Kim Kardashian West', type: 'person', aliases: ['KKW'], description: 'Television personality' }));
    const trumpOrg = createdId(await lib.call('entities.create', { name: 'White House', type: 'organization' }));
    await lib.call('mentions.create', { documentId: id, ...spanOf(text, 'Kardashian West'), type: 'person', entityId: kim });
    const claimSpan = spanOf(text, 'Trump last week granted a rare posthumous pardon');
    const claim = createdId(await lib.call('claims.create', { documentId: id, start: claimSpan.start, end: text.indexOf('.', claimSpan.start) + 1 }));
    await lib.call('claims.update', { id: claim, explanation: 'The Justice Department confirmed the posthumous pardon.', verdictLabel: 'True' });
    await lib.call('evidence.create', { claimId: claim, relation: 'supports', title: 'Pardon record', note: 'Jack Johnson was pardoned in May 2018.' });
    const other = (await lib.importText('An unrelated report about a pardon for a sailor.', 'sailor.txt')).document.id;
    expect((await lib.call('search.library', { query: 'unrelated' })).total).toBe(1);

    const all = await lib.call('search.library', { query: 'pardon' });
    expect(all.counts).toEqual({ document: 2, claim: 1, evidence: 1, entity: 0 });
    const claimHit = all.hits.find((h) => h.kind === 'claim')!;
    expect(claimHit).toMatchObject({ id: claim, documentId: id, claimStatus: 'open', verdict: 'True' });
    expect(claimHit.snippet.some((p) => p.match && /pardon/i.test(p.text))).toBe(true);
    expect(claimHit.snippet.map((p) => p.text).join('')).toContain('posthumous pardon');

    expect((await lib.call('search.library', { query: 'pardon', verdict: ['True'] })).counts).toEqual({ document: 1, claim: 1, evidence: 1, entity: 0 });
    expect((await lib.call('search.library', { query: 'pardon', claimStatus: ['verified'] })).total).toBe(0);
    expect((await lib.call('search.library', { query: 'pardon', entityId: kim, kinds: ['document'] })).hits.map((h) => h.id)).toEqual([id]);
    expect((await lib.call('search.library', { query: 'pardon', documentId: other })).hits.map((h) => [h.kind, h.id])).toEqual([['document', other]]);

    const entity = await lib.call('search.library', { query: 'KKW' });
    expect(entity.hits).toEqual([expect.objectContaining({ kind: 'entity', id: kim, entityType: 'person', field: 'aliases' })]);
    expect((await lib.call('search.library', { query: 'white', entityType: 'organization', kinds: ['entity'] })).hits.map((h) => h.id)).toEqual([trumpOrg]);
    expect((await lib.call('search.library', { query: 'Justice Depart' })).hits[0]).toMatchObject({ kind: 'claim', field: 'explanation' });
    expect((await lib.call('search.library', { query: 'posthumous pardon', kinds: ['claim'] })).total).toBe(1);

    // Query syntax is never passed through: quotes, operators and stray punctuation are safe.
    for (const query of ['"pardon', 'pardon AND OR NOT', 'NEAR(pardon', '***', 'col:pardon']) {
      expect((await lib.service.call('search.library', { query })).ok, query).toBe(true);
    }
    await lib.call('documents.delete', { id: other });
    expect((await lib.call('search.library', { query: 'unrelated' })).total).toBe(0);
  });
});
