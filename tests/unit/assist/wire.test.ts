import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/main/assist/analyse';
import { documentNames } from '../../../src/main/assist/gaps/names';
import { buildGapPool } from '../../../src/main/assist/gaps/pool';
import { rankGapCandidates } from '../../../src/main/assist/gaps/rank';
import { findGaps } from '../../../src/shared/gaps';

const STORY = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'wire', 'reuters-crude-248.txt'), 'utf8');
const entitiesOf = (text: string) => analyseText({ text, knowledge: [], claims: false }).entities.map((e) => [text.slice(e.start, e.end), e.type]);

describe('entity suggestions on wire copy', () => {
  const found = entitiesOf(STORY);
  console.log(JSON.stringify(found));
  const typeOf = (name: string) => found.filter(([text]) => text === name).map(([, type]) => type);

  it('reads the dateline, suggests nothing in the all-caps headline and never the "Reuter" sign-off', () => {
    expect(found.slice(0, 2)).toEqual([
      ['BAHRAIN', 'location'],
      ['March 1', 'date']
    ]);
    expect(found.some(([text]) => /REUTER|REITERATES|PACT/u.test(text))).toBe(false);
  });

  it('keeps titles apart from names and types agencies and places from the wording', () => {
    expect(typeOf('Hisham Nazer')).toEqual(['person']);
    expect(typeOf('Nazer')).toEqual(['person', 'person', 'person']);
    expect(typeOf('Hisham')).toEqual([]);
    expect(typeOf('SPA')).not.toContain('person');
    expect(typeOf('mid-1986')).not.toContain('location');
    expect(typeOf('7.25 pct')).toEqual(['number']);
    expect(typeOf('18 dlrs')).toEqual(['number']);
  });

  it('reads company names by their legal suffix, their tickers as no entity and their shorter forms as the company', () => {
    const text = 'LIEBERT CORP <LIEB> APPROVES MERGER\n\nCOLUMBUS, Ohio, Feb 26 - Liebert Corp said its shareholders\napproved the merger of a wholly-owned subsidiary of Emerson\nElectric Co <EMR>.\n    Each Liebert shareholder will receive .3322 shares of Emerson stock for each Liebert\nshare.\n Reuter\n';
    expect(entitiesOf(text)).toEqual([
      ['COLUMBUS', 'location'],
      ['Ohio', 'location'],
      ['Feb 26', 'date'],
      ['Liebert Corp', 'organization'],
      ['Emerson\nElectric Co', 'organization'],
      ['Liebert', 'organization'],
      ['.3322 shares', 'number'],
      ['Emerson', 'organization'],
      ['Liebert', 'organization']
    ]);
  });

  it('keeps the place a company is based in and an investor\'s role out of the names', () => {
    // Reuters-21578 acq stories outside the gold set, shortened.
    const based = 'said it agreed to acquire Miami-based Heinl\'s Nursery Inc for cash.\n';
    expect(entitiesOf(based)).toContainEqual(["Heinl's Nursery Inc", 'organization']);
    expect(entitiesOf(based).map(([text]) => text)).not.toContain("Miami-based Heinl's Nursery Inc");
    const investor = 'NEW YORK, March 2 - Investor Sumner Redstone said he raised his stake.\n';
    expect(entitiesOf(investor)).toContainEqual(['Sumner Redstone', 'person']);
  });

  it('reads Swedish companies by "AB", a ticker with its exchange as no entity, and a time zone as no organisation', () => {
    const text = 'STOCKHOLM, March 2 - Skanska AB said it bought a stake in Swedish Match <SMBS ST> at 1000 EST.\n';
    const found = entitiesOf(text);
    expect(found).toContainEqual(['Skanska AB', 'organization']);
    expect(found.map(([name]) => name)).not.toContain('ST');
    expect(found.map(([name]) => name)).not.toContain('SMBS ST');
    expect(found.map(([name]) => name)).not.toContain('EST');
  });

  it('reads "Name of Firm Ltd" as a person and a company, and keeps "Bank of … Co" one company that opens its sentence', () => {
    const text = 'said Dillard Spriggs of Petroleum Analysis Ltd in New York.\nThe Bank of New York Co agreed.\n';
    const found = entitiesOf(text);
    expect(found).toContainEqual(['Dillard Spriggs', 'person']);
    expect(found).toContainEqual(['Petroleum Analysis Ltd', 'organization']);
    expect(found).toContainEqual(['Bank of New York Co', 'organization']);
  });

  it('keeps a person whole across a middle initial and across the line break of wrapped copy', () => {
    const text =
      'NEW YORK, March 2 - Investor David F. La Roche of North\nKingstown, R.I., said he is offering to purchase shares.\n' +
      '    The shares will be acquired from Michael\nPenhale and his beneficiaries.\n' +
      '    Larry Eckenfelder of Prudential-Bache Securities said he\nbelieves the offer is fair.\n';
    const people = entitiesOf(text).filter(([, type]) => type === 'person').map(([name]) => name);
    expect(people).toEqual(['David F. La Roche', 'Michael\nPenhale', 'Larry Eckenfelder']);
  });
});

describe('masked names in wire copy', () => {
  it('restores "Nazer" in "oil prices, ␣ said" from the other frames the article names him in', () => {
    // A masking tool leaves a run of three spaces where " Nazer " stood, whatever the name's length.
    const at = STORY.indexOf(' Nazer said');
    const masked = STORY.slice(0, at) + '   ' + STORY.slice(at + ' Nazer '.length);
    expect(masked).toContain('oil prices,   said');
    const gap = findGaps(masked).find((g) => g.start === at)!;
    expect(gap).toEqual({ start: at, end: at + 3 });
    const { entities } = analyseText({ text: masked, knowledge: [], claims: false });
    const suggestions = entities.map((e) => ({ start: e.start, exact: masked.slice(e.start, e.end), type: e.type, entityId: null }));
    const pool = buildGapPool({ mentions: [], suggestions, names: documentNames(masked, suggestions), entities: new Map(), library: [] });
    const [first] = rankGapCandidates(masked, gap, pool).candidates;
    expect(first!.name).toBe('Hisham Nazer');
    expect(first!.reasons).toContain('"said" follows it elsewhere in the article');
  });

  it('finds a name masked at the end of a wrapped line', () => {
    const at = STORY.indexOf(' Nazer\n');
    const masked = STORY.slice(0, at) + '   ' + STORY.slice(at + ' Nazer'.length);
    expect(findGaps(masked)).toContainEqual({ start: at, end: at + 3 });
  });
});
