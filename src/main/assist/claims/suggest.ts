/** Claim suggestions: every sentence scored for check-worthiness, with its claimant when it names one. */
import type { EntityCandidate } from '../entities/candidate';
import { splitSentences } from '../text/sentences';
import { REPORTING_VERB, type FeatureHit, reasonLine, scoreOf, sentenceFeatures } from './features';

export interface ClaimantGuess {
  name: string;
  start: number;
  end: number;
  type: string;
  entityId: string | null;
}

export interface ClaimCandidate {
  start: number;
  end: number;
  score: number;
  reasons: FeatureHit[];
  /** The reasons as one line, ready for Claim.scoreReason. */
  scoreReason: string;
  claimant: ClaimantGuess | null;
}

const CLAIMANT_TYPES = new Set(['person', 'organization']);

/** Sentences with at least one positive cue, best first (ties keep text order). */
export function suggestClaims(text: string, entities: EntityCandidate[]): ClaimCandidate[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const out: ClaimCandidate[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(text)) {
    while (cursor < sorted.length && sorted[cursor]!.end <= sentence.start) cursor += 1;
    const inside: EntityCandidate[] = [];
    for (let i = cursor; i < sorted.length && sorted[i]!.start < sentence.end; i += 1) {
      if (sorted[i]!.end <= sentence.end) inside.push(sorted[i]!);
    }
    const exact = text.slice(sentence.start, sentence.end);
    const spanText = (e: EntityCandidate) => text.slice(e.start, e.end);
    const verb = firstReportingVerb(text, sentence, inside);
    const claimant = verb ? findClaimant(text, sentence, inside, verb) : null;
    const reasons = sentenceFeatures({
      text: exact,
      numbers: [...inside.filter((e) => e.type === 'number').map(spanText), ...uncoveredFigures(text, sentence, inside)],
      dates: inside.filter((e) => e.type === 'date').map(spanText),
      names: inside.filter((e) => ['person', 'organization', 'location'].includes(e.type)).map(spanText),
      claimant: claimant?.name ?? null,
      reportingVerb: verb?.word ?? null
    });
    if (!reasons.some((r) => r.weight > 0)) continue;
    out.push({ ...sentence, score: scoreOf(reasons), reasons, scoreReason: reasonLine(reasons), claimant });
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

interface VerbHit {
  word: string;
  start: number;
  end: number;
}

const SPEAKER_BEFORE = /(?:\b(?:he|she|they|it|we|i|who|officials?|spokes(?:man|woman|person))|["”’,])\s*$/iu;
const STATEMENT_AFTER = /^\s*(?:that\b|[,:"“]|$)/u;

/**
 * The first reporting verb outside quotes that really attributes something: a speaker right
 * before it ("Trump said", "she told", '…," he said') or a statement right after it ("forecasts
 * that", "wrote:"). "Value added tax" and "territorial claims" are not attributions.
 */
function firstReportingVerb(text: string, sentence: { start: number; end: number }, inside: EntityCandidate[]): VerbHit | null {
  const exact = text.slice(sentence.start, sentence.end);
  const quoted = quotedRanges(exact);
  const nameEnds = new Set(inside.map((e) => e.end - sentence.start));
  for (const match of exact.matchAll(REPORTING_VERB)) {
    if (quoted.some(([a, b]) => match.index >= a && match.index < b)) continue;
    const before = exact.slice(0, match.index);
    const after = exact.slice(match.index + match[0].length);
    const speaker = nameEnds.has(before.trimEnd().replace(/,$/, '').length) || SPEAKER_BEFORE.test(before);
    const attributes = match[0].toLowerCase() === 'according to' || speaker || STATEMENT_AFTER.test(after);
    if (!attributes) continue;
    return { word: match[0], start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
  }
  return null;
}

/** Figures with digits that no entity covers (years and parts of dates excluded). */
function uncoveredFigures(text: string, sentence: { start: number; end: number }, inside: EntityCandidate[]): string[] {
  const exact = text.slice(sentence.start, sentence.end);
  const figures: string[] = [];
  for (const m of exact.matchAll(/(?<![\p{L}\d])[$€£]?\d(?:[\d,.]*\d)?%?(?![\p{L}\d])/gu)) {
    const start = sentence.start + m.index;
    if (/^(1[5-9]|20)\d\d$/.test(m[0])) continue;
    if (inside.some((e) => start < e.end && e.start < start + m[0].length)) continue;
    figures.push(m[0]);
  }
  return figures;
}

/**
 * The person or organisation the statement is attributed to: the nearest name before the verb
 * ("Barnett, a member of Johnson's legal team, said" → Barnett, skipping the possessive), else
 * the first name right after it ("said Smith", "according to the IMF").
 */
function findClaimant(text: string, sentence: { start: number; end: number }, inside: EntityCandidate[], verb: VerbHit): ClaimantGuess | null {
  const quoted = quotedRanges(text.slice(sentence.start, sentence.end)).map(([a, b]) => [a + sentence.start, b + sentence.start]);
  const eligible = inside.filter(
    (e) =>
      CLAIMANT_TYPES.has(e.type) &&
      !quoted.some(([a, b]) => e.start >= a! && e.end <= b!) &&
      !/^['’]s\b/u.test(text.slice(e.end, e.end + 3))
  );
  const before = verb.word.toLowerCase() === 'according to' ? [] : eligible.filter((e) => e.end <= verb.start);
  const after = eligible.filter((e) => e.start >= verb.end && e.start - verb.end <= 30);
  const chosen = before.at(-1) ?? after[0];
  if (!chosen) return null;
  return { name: text.slice(chosen.start, chosen.end), start: chosen.start, end: chosen.end, type: chosen.type, entityId: chosen.entityId };
}

/** [start, end) ranges inside double quotes, relative to the sentence. */
function quotedRanges(sentence: string): Array<[number, number]> {
  return [...sentence.matchAll(/["“][^"”]*["”]?/gu)].map((m) => [m.index, m.index + m[0].length]);
}
