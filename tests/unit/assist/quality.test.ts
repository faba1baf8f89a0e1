/**
 * Measured quality on the hand-annotated gold set (tests/fixtures/gold, see its README): 27
 * Reuters-21578 wire stories, 5 saved news pages, the sample article and 4 Factbook profiles, in
 * a tuning half and a held-out half that no rule was settled on. Scores are exact-span (same
 * start, end and an accepted type), per type. Held-out half (13 wire stories, 2 news pages, 1
 * Factbook profile, 404 entities): before the wire rules → with them → with the precision rules
 * (span edges, demonyms before an office, conjoined companies, line-wrapped names, surnames):
 *   person        P 0.382 → 0.808 → 0.862   R 0.808 → 0.808 → 0.962
 *   organization  P 0.527 → 0.824 → 0.855   R 0.500 → 0.836 → 0.843
 *   location      P 0.657 → 0.910 → 0.897   R 0.603 → 0.836 → 0.836
 *   date          P 0.914 → 0.945 → 0.945   R 0.810 → 0.873 → 0.873
 *   number        P 0.513 → 0.914 → 0.914   R 0.470 → 0.892 → 0.892
 *   claims, precision at 5 per text: held-out 0.831 → 0.892, tuning 0.767 → 0.860
 *   masked names (100 mentions a half, one at a time, each masked by a fixed three-space run):
 *     held-out top 1 0.34 → 0.41, top 3 0.58 → 0.62; tuning top 1 0.40 → 0.47, top 3 0.66 → 0.68
 *     (tuning top 1 0.46 once capitalised runs stop at a sentence's full stop: junk such as
 *     "GDP. The" left the lists, and one tie between two candidates now goes the other way)
 * The product's targets (P ≥ 0.85 and R ≥ 0.80 for people, organisations and places; 0.90 / 0.85
 * for dates and numbers; restoration top 3 ≥ 0.85 and top 1 ≥ 0.60) are the floors where they are
 * met; where not yet, the floor sits at or just below the measured value, so a change that makes
 * suggestions worse fails here.
 */
import { describe, expect, it } from 'vitest';
import { loadGold } from './gold';
import { ENTITY_TYPES, type Run, analyseGold, maskCases, meanPrecisionAt5, restorationRank, scoresByType } from './gold-measure';

const gold = loadGold();
const tuning = analyseGold(gold.filter((d) => !d.heldOut));
const heldOut = analyseGold(gold.filter((d) => d.heldOut));

/** [precision, recall] floors per type. */
type Floors = Record<(typeof ENTITY_TYPES)[number], [number, number]>;

const HELD_OUT_FLOORS: Floors = {
  person: [0.85, 0.8],
  organization: [0.85, 0.8],
  location: [0.85, 0.8],
  date: [0.9, 0.85],
  number: [0.9, 0.85]
};
const TUNING_FLOORS: Floors = {
  person: [0.97, 0.97],
  organization: [0.92, 0.88],
  location: [0.93, 0.87],
  date: [0.97, 0.97],
  number: [0.95, 0.95]
};

function expectFloors(runs: Run[], floors: Floors, label: string) {
  const scores = scoresByType(runs);
  console.info(`entities, ${label}`, scores);
  for (const type of ENTITY_TYPES) {
    const [precision, recall] = floors[type];
    expect({ type, precision: scores[type]!.precision >= precision, recall: scores[type]!.recall >= recall }).toEqual({ type, precision: true, recall: true });
  }
}

/** Top-1 and top-3 floors for masked-name restoration. */
const HELD_OUT_RESTORATION = { top1: 0.41, top3: 0.62 };
const TUNING_RESTORATION = { top1: 0.46, top3: 0.68 };

function restorationRates(runs: Run[]): { top1: number; top3: number } {
  const cases = maskCases(runs.map((r) => r.doc), 100);
  expect(cases).toHaveLength(100);
  const ranks = cases.map(restorationRank);
  return {
    top1: ranks.filter((r) => r === 1).length / cases.length,
    top3: ranks.filter((r) => r !== null && r <= 3).length / cases.length
  };
}

const wire = (runs: Run[]) => runs.filter((r) => r.doc.name.startsWith('reuters-'));
const pages = (runs: Run[]) => runs.filter((r) => r.doc.name.startsWith('news-page-'));

describe('suggestion quality on the gold set', () => {
  it('has the gold set it claims: 27 wire stories and 5 news pages, about half of each held out', () => {
    const all = [...tuning, ...heldOut];
    expect(wire(all)).toHaveLength(27);
    expect(pages(all)).toHaveLength(5);
    expect(wire(heldOut)).toHaveLength(13);
    expect(pages(heldOut)).toHaveLength(2);
    expect(all.filter((r) => r.doc.checkWorthy.length > 0).length).toBeGreaterThanOrEqual(37);
    expect(heldOut.reduce((n, r) => n + r.doc.entities.length, 0)).toBeGreaterThan(400);
  });

  it('keeps exact-span precision and recall per type on the held-out half', () => {
    expectFloors(heldOut, HELD_OUT_FLOORS, 'held-out half');
  });

  it('keeps exact-span precision and recall per type on the tuning half', () => {
    expectFloors(tuning, TUNING_FLOORS, 'tuning half');
  });

  it('ranks check-worthy sentences first: precision at 5 of at least 0.8 per text, on each half', () => {
    const scores = { heldOut: meanPrecisionAt5(heldOut), tuning: meanPrecisionAt5(tuning), texts: tuning.length + heldOut.length };
    console.info('claims, precision at 5', scores);
    expect(scores.heldOut).toBeGreaterThanOrEqual(0.85);
    expect(scores.tuning).toBeGreaterThanOrEqual(0.83);
  });

  // Each case masks one name mention with a fixed run of three spaces, as real masked copy does
  // whatever the name's length, so the gap's width cannot give the name away.
  it('restores 100 masked held-out names from the rest of their article', () => {
    const rates = restorationRates(heldOut);
    console.info('masked names, held-out half', rates);
    expect(rates.top1).toBeGreaterThanOrEqual(HELD_OUT_RESTORATION.top1);
    expect(rates.top3).toBeGreaterThanOrEqual(HELD_OUT_RESTORATION.top3);
  }, 300_000);

  it('restores 100 masked names of the tuning half, the cases rules are worked out on', () => {
    const rates = restorationRates(tuning);
    console.info('masked names, tuning half', rates);
    expect(rates.top1).toBeGreaterThanOrEqual(TUNING_RESTORATION.top1);
    expect(rates.top3).toBeGreaterThanOrEqual(TUNING_RESTORATION.top3);
  }, 300_000);
});
