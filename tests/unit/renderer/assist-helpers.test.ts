import { describe, expect, it } from 'vitest';
import type { EntitySuggestion, SearchHit } from '../../../src/shared/api/methods/assist';
import type { Block, Entity } from '../../../src/shared/domain';
import { entityDraft, entityPatch } from '../../../src/renderer/lib/entity-fields';
import { hitDestination } from '../../../src/renderer/lib/search-hits';
import { bucketSuggestions, textKey, withoutOverlaps } from '../../../src/renderer/lib/suggestions';
import { findMatches, firstMatchFrom } from '../../../src/renderer/lib/text/find-matches';

const suggestion = (start: number, end: number, type = 'person'): EntitySuggestion => ({
  start,
  end,
  exact: 'x'.repeat(end - start),
  type,
  entityId: null,
  source: 'compromise',
  confidence: 0.8,
  reason: 'person name (compromise)'
});

describe('findMatches', () => {
  const text = 'Kardashian West met Trump. KARDASHIAN\nWest left; kardashian westward.';

  it('finds every occurrence, case-insensitive, a space matching any whitespace', () => {
    const { matches } = findMatches(text, 'kardashian west');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Kardashian West', 'KARDASHIAN\nWest', 'kardashian west']);
  });

  it('matches case when asked, and treats the query as literal text', () => {
    expect(findMatches(text, 'Kardashian West', { matchCase: true }).matches).toHaveLength(1);
    expect(findMatches('a.b axb (c)', 'a.b').matches).toEqual([{ start: 0, end: 3 }]);
    expect(findMatches('a.b axb (c)', '(c)').matches).toEqual([{ start: 8, end: 11 }]);
    expect(findMatches(text, '   ').matches).toEqual([]);
  });

  it('keeps UTF-16 offsets exact around astral characters and case folding that changes length', () => {
    const astral = '😀 İstanbul 𝔘 Trump';
    const [match] = findMatches(astral, 'trump').matches;
    expect(astral.slice(match.start, match.end)).toBe('Trump');
  });

  it('stops at the limit and says so', () => {
    const { matches, truncated } = findMatches('a a a a a', 'a', { limit: 3 });
    expect(matches).toHaveLength(3);
    expect(truncated).toBe(true);
  });

  it('firstMatchFrom picks the first match at or after an offset, wrapping to the first', () => {
    const matches = [{ start: 5, end: 6 }, { start: 20, end: 21 }];
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 6)).toBe(1);
    expect(firstMatchFrom(matches, 21)).toBe(0);
  });
});

describe('suggestions', () => {
  it('withoutOverlaps drops suggestions overlapping any span, nested and long spans included', () => {
    const suggestions = [suggestion(0, 5), suggestion(10, 15), suggestion(20, 25), suggestion(40, 45), suggestion(60, 65)];
    const spans = [{ start: 12, end: 13 }, { start: 18, end: 50 }, { start: 30, end: 31 }, { start: 65, end: 70 }];
    expect(withoutOverlaps(suggestions, spans).map((s) => s.start)).toEqual([0, 60]);
    expect(withoutOverlaps(suggestions, [])).toBe(suggestions);
  });

  it('bucketSuggestions keeps the arrays of unchanged blocks, and one shared empty array', () => {
    const blocks: Block[] = [0, 1, 2].map((i) => ({ start: i * 100, end: i * 100 + 90, kind: 'paragraph', index: i }));
    const first = [suggestion(5, 10), suggestion(205, 210)];
    const buckets = bucketSuggestions(blocks, first, []);
    expect(buckets.map((b) => b.length)).toEqual([1, 0, 1]);
    const next = bucketSuggestions(blocks, [first[0], suggestion(215, 220)], buckets);
    expect(next[0]).toBe(buckets[0]);
    expect(next[1]).toBe(buckets[1]);
    expect(next[2]).not.toBe(buckets[2]);
    expect(bucketSuggestions(blocks, [], next)[0]).toBe(bucketSuggestions(blocks, [], [])[1]);
  });

  it('textKey compares texts the way rejections do', () => {
    expect(textKey('  Donald\n Trump ')).toBe(textKey('donald trump'));
  });
});

describe('entity form', () => {
  const entity: Entity = {
    id: 'e1',
    name: 'Kardashian West',
    type: 'person',
    aliases: ['Kim Kardashian'],
    description: '',
    externalIds: { wikidata: 'Q186304', viaf: '123' },
    createdAt: '',
    updatedAt: ''
  };

  it('an unchanged draft is an empty patch', () => {
    expect(entityPatch(entity, entityDraft(entity))).toEqual({ ok: true, patch: {} });
  });

  it('sends only what changed, with external ids as one record', () => {
    const draft = { ...entityDraft(entity), aliases: 'Kim Kardashian\nKim K\n\nKim K', url: 'https://example.org/kim' };
    expect(entityPatch(entity, draft)).toEqual({
      ok: true,
      patch: { aliases: ['Kim Kardashian', 'Kim K'], externalIds: { viaf: '123', wikidata: 'Q186304', url: 'https://example.org/kim' } }
    });
  });

  it('refuses a QID, URL or id line that is not one, naming the field', () => {
    const draft = entityDraft(entity);
    expect(entityPatch(entity, { ...draft, wikidata: 'Kim' })).toMatchObject({ ok: false, field: 'wikidata' });
    expect(entityPatch(entity, { ...draft, url: 'javascript:alert(1)' })).toMatchObject({ ok: false, field: 'url' });
    expect(entityPatch(entity, { ...draft, others: 'no colon here' })).toMatchObject({ ok: false, field: 'others' });
    expect(entityPatch(entity, { ...draft, name: '  ' })).toMatchObject({ ok: false, field: 'name' });
  });
});

describe('hitDestination', () => {
  const hit = (fields: Partial<SearchHit>): SearchHit => ({
    kind: 'document',
    id: 'd1',
    documentId: 'd1',
    documentTitle: 'An article',
    field: 'text',
    snippet: [
      { text: '…has been urging the president to ', match: false },
      { text: 'pardon', match: true },
      { text: ' Alice…', match: false }
    ],
    rank: -1,
    ...fields
  });

  it('an article hit opens the find bar on its first matched word, near the snippet passage', () => {
    expect(hitDestination(hit({}), 'pardon alice')).toEqual({
      documentId: 'd1',
      target: { kind: 'text', query: 'pardon', near: 'has been urging the president to pardon Alice' }
    });
  });

  it('claims and evidence open at their record, entities at their page', () => {
    expect(hitDestination(hit({ kind: 'claim', id: 'c1' }), 'x')).toEqual({ documentId: 'd1', target: { kind: 'claim', id: 'c1' } });
    expect(hitDestination(hit({ kind: 'evidence', id: 'v1' }), 'x')).toEqual({ documentId: 'd1', target: { kind: 'evidence', id: 'v1' } });
    expect(hitDestination(hit({ kind: 'entity', id: 'e1', documentId: null }), 'x')).toEqual({ entityId: 'e1' });
  });
});
