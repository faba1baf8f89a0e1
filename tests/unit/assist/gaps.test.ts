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
});
