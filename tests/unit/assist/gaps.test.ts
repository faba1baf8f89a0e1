import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gapExpectation } from '../../../src/main/assist/gaps/cues';
import { buildGapPool } from '../../../src/main/assist/gaps/pool';
import { rankGapCandidates } from '../../../src/main/assist/gaps/rank';
import { findGaps } from '../../../src/shared/gaps';
import type { Entity } from '../../../src/shared/domain';
import { SAMPLE_FILE } from '../helpers/temp-library';

const SAMPLE = readFileSync(SAMPLE_FILE, 'utf8');
const GAPS = findGaps(SAMPLE);
const top = (weights: Record<string, number>) => Object.entries(weights).sort((a, b) => b[1] - a[1])[0]![0];

describe('gap context cues', () => {
  it('reads the sample gaps: a star and a president are people, "to the ␣" a place or organisation', () => {
    const [star, place, president, sheriff] = GAPS.map((gap) => gapExpectation(SAMPLE, gap));
    expect(top(star!.weights)).toBe('person');
    expect(star!.cues.join(' | ')).toMatch(/"star" before the gap.*"paid" after the gap/);
    expect(place!.weights.person).toBeLessThan(place!.weights.location);
    expect(place!.weights.organization).toBe(place!.weights.location);
    expect(place!.cues).toContain('"the" before the gap: a place or organisation');
    expect(president!.weights).toMatchObject({ person: 1 });
    expect(president!.gender).toBe('male');
    expect(top(sheriff!.weights)).toBe('person');
  });

  it('expects a person before an age and a place after "in"', () => {
    const age = 'to pardon   , 63, who';
    expect(gapExpectation(age, { start: 9, end: 12 }).weights.person).toBe(1);
    const place = 'while she was in    on Monday';
    expect(top(gapExpectation(place, { start: 16, end: 20 }).weights)).toBe('location');
  });
});

describe('ranking restoration candidates', () => {
  const entity = (id: string, name: string, type: string, aliases: string[] = []): Entity => ({
    id, name, type, aliases, description: '', externalIds: {}, createdAt: '', updatedAt: ''
  });
  const mentionsOf = (name: string, type: string, entityId: string | null = null) =>
    [...SAMPLE.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({ start: m.index, exact: name, type, entityId }));

  const kim = entity('kim', 'Kim Kardashian West', 'person', ['Kardashian West']);
  const arpaio = entity('arpaio', 'Joe Arpaio', 'person');
  const pool = buildGapPool({
    mentions: [...mentionsOf('Kardashian West', 'person', 'kim'), ...mentionsOf('White House', 'location')],
    suggestions: [...mentionsOf('Trump', 'person'), ...mentionsOf('Jared Kushner', 'person'), ...mentionsOf('Kushner', 'person'), ...mentionsOf('Twitter', 'organization')],
    entities: new Map([[kim.id, kim], [arpaio.id, arpaio]]),
    library: [kim, arpaio]
  });

  it('groups mentions by entity, folds bare surnames into full names and adds library entities last', () => {
    const byName = Object.fromEntries(pool.map((p) => [p.name, p]));
    expect(byName['Kim Kardashian West']).toMatchObject({ source: 'document', entityId: 'kim' });
    expect(byName['Jared Kushner']!.positions).toContain(SAMPLE.indexOf('with Kushner') + 5);
    expect(byName['Kushner']).toBeUndefined();
    expect(byName['Joe Arpaio']).toMatchObject({ source: 'library', positions: [] });
  });

  it('puts the confirmed entity first for "star ␣ paid", Trump for "President ␣ and his staff", the White House for "to the ␣"', () => {
    const [star, place, president] = GAPS.map((gap) => rankGapCandidates(SAMPLE, gap, pool).candidates);
    expect(star![0]).toMatchObject({ name: 'Kim Kardashian West', source: 'document', entityId: 'kim' });
    expect(star![0]!.reasons).toEqual(expect.arrayContaining(['confirmed in this article', 'a person fits the context']));
    expect(place![0]).toMatchObject({ name: 'White House', type: 'location' });
    expect(place![0]!.reasons).toContain('follows "the" elsewhere in the article');
    expect(president![0]!.name).toBe('Trump');
    const kimForPresident = president!.find((c) => c.name === 'Kim Kardashian West')!;
    expect(kimForPresident.reasons).toContain('referred to as "she" in the article, unlike the gap');
    for (const list of [star!, place!, president!]) {
      for (let i = 1; i < list.length; i += 1) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
    }
  });

  it('offers a name only the library\'s registry knows, when the article gives it nowhere', () => {
    const text = 'The deal was signed on Monday. Shares of    rose 2 dlrs in heavy trading, a spokesman said.\n';
    const [gap] = findGaps(text);
    expect(gap).toBeDefined();
    const exco = entity('exco', 'Exco International Plc', 'organization', ['Exco']);
    const registryOnly = buildGapPool({ mentions: [], suggestions: [], names: [], entities: new Map([[exco.id, exco]]), library: [exco] });
    const offered = rankGapCandidates(text, gap!, registryOnly).candidates.find((c) => c.entityId === 'exco');
    expect(offered).toMatchObject({ name: 'Exco International Plc', source: 'library', type: 'organization' });
    expect(offered!.reasons).toContain('known in the library');
    const withoutRegistry = buildGapPool({ mentions: [], suggestions: [], names: [], entities: new Map(), library: [] });
    expect(rankGapCandidates(text, gap!, withoutRegistry).candidates).toEqual([]);
  });

  it('joins a surname and a company\'s short form to the full name the article gives first', () => {
    const text =
      'BAHRAIN, March 1 - Oil Minister Hisham Nazer said prices would hold.\n    Nazer, quoted by SPA, said the accord stood.\n' +
      '    Exco International Plc said it sold its unit. Exco said the price was fair.\n';
    const spans = (name: string, type: string) => [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({ start: m.index, exact: name, type, entityId: null }));
    const pool = buildGapPool({
      mentions: [],
      suggestions: [...spans('Hisham Nazer', 'person'), ...spans('Nazer', 'person'), ...spans('Exco International Plc', 'organization')],
      names: spans('Exco', 'other'),
      entities: new Map(),
      library: []
    });
    const byName = Object.fromEntries(pool.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Exco International Plc', 'Hisham Nazer']);
    expect(byName['Hisham Nazer']!.positions).toHaveLength(3);
    expect(byName['Exco International Plc']!.surfaces).toContain('Exco');
  });

  describe('what the story around a gap says', () => {
    const story =
      'NIPPON KOKAN AFFILIATES CONSIDERING MERGER\n\nTOKYO, March 2 - Nippon Kokan KK <NKKT.T> said its affiliates    <TOSS.T>\n' +
      'and <   > are considering a merger.\n    Toshin Steel Co Ltd employs 1,100 workers and Azuma Steel Co Ltd 1,700.\n' +
      '    The African National Congress (   ) wrote to Nippon Kokan KK. The ANC said so.\n';
    const spans = (name: string) => [...story.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({ start: m.index, exact: name, type: 'organization', entityId: null }));
    const names = ['Toshin Steel Co Ltd', 'Azuma Steel Co Ltd', 'Nippon Kokan KK', 'African National Congress', 'ANC'];
    const pool = buildGapPool({ mentions: [], suggestions: names.flatMap(spans), entities: new Map(), library: [] });
    const [toshin, azuma, anc] = findGaps(story).map((gap) => rankGapCandidates(story, gap, pool).candidates);

    it('reads a ticker after the gap, and a first mention in the wire\'s brackets', () => {
      expect(toshin![0]!.name).toBe('Toshin Steel Co Ltd');
      expect(toshin![0]!.reasons).toContain('the ticker <TOSS> after the gap spells it');
      const order = azuma!.map((c) => c.name);
      expect(order.indexOf('Azuma Steel Co Ltd')).toBeLessThan(order.indexOf('Nippon Kokan KK'));
      const nippon = azuma!.find((c) => c.name === 'Nippon Kokan KK')!;
      expect(nippon.reasons).toEqual(expect.arrayContaining(['named in the headline', 'already named before the gap, where the wire brackets a first mention']));
    });

    it('reads the initials of the name before a bracketed gap', () => {
      expect(anc![0]!.name).toBe('ANC');
      expect(anc![0]!.reasons).toContain('the initials of the name before the brackets');
    });
  });
});
