/**
 * Ranks restoration candidates for one gap. A candidate's score adds up transparent parts, each
 * listed as a reason: where it comes from (confirmed in this article > suggested in it > known in
 * the library), how well its type fits the context, how often and how near the gap the article
 * names it, and whether it follows the same word elsewhere ("President …", "the …").
 */
import type { GapCandidate, GapCandidateSource } from '../../../shared/api/methods/assist';
import { escapeRegExp } from '../text/words';
import { type Gender, type GapExpectation, type NameType, gapExpectation, pronounGender } from './cues';

export interface PoolItem {
  name: string;
  type: string;
  entityId: string | null;
  source: GapCandidateSource;
  /** The texts the article uses for it (name, aliases, shorter forms). */
  surfaces: string[];
  /** Offsets where the article names it (empty for library entities). */
  positions: number[];
}

const SOURCE_SCORE: Record<GapCandidateSource, [number, string]> = {
  document: [2, 'confirmed in this article'],
  suggestion: [1, 'suggested in this article'],
  library: [0.5, 'known in the library']
};
const NAME_TYPES = new Set(['person', 'organization', 'location']);

export interface RankedGap extends GapExpectation {
  candidates: GapCandidate[];
}

export function rankGapCandidates(text: string, gap: { start: number; end: number }, pool: PoolItem[], limit = 8): RankedGap {
  const expectation = gapExpectation(text, gap);
  const leftWord = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, gap.start - 40), gap.start))?.[1] ?? null;
  const candidates = pool
    .filter((item) => NAME_TYPES.has(item.type))
    .map((item) => score(text, gap, item, expectation, leftWord))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { ...expectation, candidates: candidates.slice(0, limit) };
}

function score(text: string, gap: { start: number; end: number }, item: PoolItem, expectation: GapExpectation, leftWord: string | null): GapCandidate {
  const reasons: string[] = [];
  const [base, why] = SOURCE_SCORE[item.source];
  let total = base;
  reasons.push(why);

  const fit = expectation.weights[item.type as NameType] ?? 0;
  total += 3 * fit;
  reasons.push(`${label(item.type)} fits the context${fit >= 0.99 ? '' : ` ${Math.round(fit * 100)}%`}`);

  if (item.positions.length > 0) {
    total += Math.min(1.5, 0.5 * Math.log2(1 + item.positions.length));
    reasons.push(`named ${item.positions.length} ${item.positions.length === 1 ? 'time' : 'times'} in the article`);
    const distance = Math.min(...item.positions.map((p) => Math.abs(p - gap.start)));
    const nearness = Math.exp(-distance / 1500);
    total += nearness;
    if (nearness > 0.5) reasons.push('named near the gap');
  }

  if (leftWord && afterSameWord(text, leftWord, item.surfaces)) {
    total += 1;
    reasons.push(`follows "${leftWord}" elsewhere in the article`);
  }

  if (expectation.gender && item.type === 'person') {
    const gender = genderInText(text, item.positions);
    if (gender === expectation.gender) {
      total += 1;
      reasons.push(`referred to as "${gender === 'male' ? 'he' : 'she'}" in the article, like the gap`);
    } else if (gender) {
      total -= 1.5;
      reasons.push(`referred to as "${gender === 'male' ? 'he' : 'she'}" in the article, unlike the gap`);
    }
  }

  // A sentence that masks a name seldom names the same one in clear as well.
  const sentence = sentenceAround(text, gap.start);
  if (item.positions.some((p) => p >= sentence.start && p < sentence.end)) {
    total -= 1;
    reasons.push('already named in the same sentence');
  }
  return { name: item.name, type: item.type, entityId: item.entityId, source: item.source, score: Math.round(total * 100) / 100, reasons };
}

function afterSameWord(text: string, word: string, surfaces: string[]): boolean {
  const forms = surfaces.filter((s) => s.trim()).map(escapeRegExp);
  if (forms.length === 0) return false;
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}\\s+(?:${forms.join('|')})(?![\\p{L}])`, 'iu').test(text);
}

/**
 * The pronoun gender the article uses after naming someone: the first he/his/him or she/her in
 * the rest of each sentence that names them, by majority (null when unknown or mixed).
 */
function genderInText(text: string, positions: number[]): Gender | null {
  const tally = { male: 0, female: 0 };
  for (const position of positions) {
    const rest = text.slice(position, sentenceAround(text, position).end);
    const pronoun = /\b(he|his|him|she|her)\b/iu.exec(rest);
    const gender = pronoun ? pronounGender(pronoun[1]!) : null;
    if (gender) tally[gender] += 1;
  }
  if (tally.male > 2 * tally.female) return 'male';
  if (tally.female > 2 * tally.male) return 'female';
  return null;
}

function sentenceAround(text: string, at: number): { start: number; end: number } {
  const before = text.slice(Math.max(0, at - 400), at);
  const startMatch = /[.!?\n][^.!?\n]*$/u.exec(before);
  const start = startMatch ? at - before.length + startMatch.index + 1 : Math.max(0, at - 400);
  const endMatch = /[.!?\n]/u.exec(text.slice(at, at + 400));
  return { start, end: endMatch ? at + endMatch.index : Math.min(text.length, at + 400) };
}

const label = (type: string) => (type === 'location' ? 'a place' : type === 'organization' ? 'an organisation' : `a ${type}`);
