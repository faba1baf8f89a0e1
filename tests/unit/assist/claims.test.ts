import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reasonLine, scoreOf, sentenceFeatures } from '../../../src/main/assist/claims/features';
import { suggestClaims } from '../../../src/main/assist/claims/suggest';
import { suggestEntities } from '../../../src/main/assist/entities/suggest';
import { SAMPLE_FILE } from '../helpers/temp-library';

const SAMPLE = readFileSync(SAMPLE_FILE, 'utf8');
const facts = (text: string) => ({ text, numbers: [], dates: [], names: [], claimant: null, reportingVerb: null });

describe('check-worthiness features', () => {
  it('fires transparent cues with the words that fired them', () => {
    const hits = sentenceFeatures({
      text: 'The IMF forecasts that the GDP will shrink another 7% in 2015, the largest fall since the law changed.',
      numbers: ['7%'],
      dates: ['2015'],
      names: ['IMF'],
      claimant: 'IMF',
      reportingVerb: 'forecasts'
    });
    const byFeature = Object.fromEntries(hits.map((h) => [h.feature, h]));
    expect(Object.keys(byFeature).sort()).toEqual(['claimant', 'comparison', 'date', 'named', 'policy', 'quantity']);
    expect(byFeature.quantity!.evidence).toEqual(['7%']);
    expect(byFeature.comparison!.evidence).toEqual(expect.arrayContaining(['shrink', 'largest']));
    expect(byFeature.policy!.evidence).toEqual(expect.arrayContaining(['GDP', 'law']));
    expect(scoreOf(hits)).toBe(1);
    expect(reasonLine(hits)).toMatch(/^numbers and quantities \(7%\) \+0\.25; comparisons and superlatives \(.*\) \+0\.2; a named claimant with a reporting verb \(IMF, forecasts\) \+0\.2/);
  });

  it('marks questions, opinions and fragments down', () => {
    const question = sentenceFeatures(facts('Did the economy grow faster than ever before last year?'));
    const statement = sentenceFeatures(facts('The economy grew faster than ever before last year.'));
    expect(question.map((h) => h.feature)).toContain('question');
    expect(scoreOf(question)).toBe(Math.round((scoreOf(statement) - 0.3) * 100) / 100);
    expect(sentenceFeatures(facts('I think she deserves it.')).map((h) => h.feature)).toEqual(expect.arrayContaining(['opinion', 'short']));
    expect(scoreOf(sentenceFeatures(facts('Today is for you.')))).toBe(0);
  });
});

describe('suggestClaims on the sample article', () => {
  const claims = suggestClaims(SAMPLE, suggestEntities(SAMPLE, []));
  const at = (opening: string) => claims.find((c) => SAMPLE.slice(c.start, c.end).startsWith(opening));

  it('ranks factual sentences with figures above quotes and opinions', () => {
    const top = claims.slice(0, 3).map((c) => SAMPLE.slice(c.start, c.end));
    expect(top.some((s) => s.startsWith('Trump last week granted'))).toBe(true);
    expect(top.some((s) => s.startsWith('Kardashian West has been urging'))).toBe(true);
    const opinion = at('"I think that she really deserves');
    expect(opinion === undefined || opinion.score < at('Trump last week granted')!.score).toBe(true);
    for (let i = 1; i < claims.length; i += 1) expect(claims[i]!.score).toBeLessThanOrEqual(claims[i - 1]!.score);
  });

  it('spans whole sentences and explains each score', () => {
    const urging = at('Kardashian West has been urging')!;
    expect(SAMPLE.slice(urging.start, urging.end)).toBe(
      'Kardashian West has been urging the president to pardon Alice Marie Johnson, 63, who has spent more than two decades behind bars and is not eligible for parole.'
    );
    expect(urging.reasons.map((r) => r.feature)).toEqual(expect.arrayContaining(['quantity', 'comparison', 'policy']));
    expect(urging.scoreReason).toContain('numbers and quantities (63, two decades)');
    expect(urging.score).toBe(Math.round(urging.reasons.reduce((s, r) => s + r.weight, 0) * 100) / 100);
  });

  it('finds the claimant of attributed statements, skipping possessives and names inside quotes', () => {
    expect(at('Attorney Brittany K. Barnett')!.claimant).toMatchObject({ name: 'Brittany K. Barnett', type: 'person' });
    expect(at('"I think that she really deserves')?.claimant?.name ?? 'Kardashian').toBe('Kardashian');
    expect(at('It had been unclear')!.claimant).toMatchObject({ name: 'Trump' });
    expect(at('Kardashian West has been urging')!.claimant).toBeNull();
  });

  it('attributes "according to" and "forecasts that" to the organisation named', () => {
    const text = 'According to the International Monetary Fund, inflation reached 68.4% in 2014. The value added tax rose to 20%.';
    const found = suggestClaims(text, suggestEntities(text, []));
    expect(found.find((c) => c.start === 0)!.claimant?.name).toBe('International Monetary Fund');
    expect(found.find((c) => c.start > 0)!.claimant).toBeNull();
  });
});
