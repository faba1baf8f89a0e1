/**
 * Ranks restoration candidates for one gap. A candidate's score adds up transparent parts, each
 * listed as a reason: where it comes from (confirmed in this article > suggested in it > named in
 * it > known in the library), how well its type fits the context, how often and how near the gap
 * the article names it, and whether the article names it in the same frame elsewhere: after the
 * same word ("Minister …", "the …") or before it ("… said", "…'s").
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
  name: [0.75, 'a capitalised name in this article'],
  library: [0.5, 'known in the library']
};
const NAME_TYPES = new Set(['person', 'organization', 'location', 'other']);
/** How much the type the gap's context expects counts against the article's own evidence. */
const TYPE_WEIGHT = 2;
/** How well a name of unknown type fits any context. */
const UNTYPED_FIT = 0.6;

export interface RankedGap extends GapExpectation {
  candidates: GapCandidate[];
}

export function rankGapCandidates(text: string, gap: { start: number; end: number }, pool: PoolItem[], limit = 8): RankedGap {
  const expectation = gapExpectation(text, gap);
  const frame = frameAround(text, gap.start, gap.end);
  const named = pool.filter((item) => NAME_TYPES.has(item.type));
  const framed = typesInFrame(text, frame, named);
  const candidates = named
    .map((item) => score(text, gap, item, expectation, frame, framed))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { ...expectation, candidates: candidates.slice(0, limit) };
}

function score(
  text: string,
  gap: { start: number; end: number },
  item: PoolItem,
  expectation: GapExpectation,
  frame: Frame,
  framed: Map<string, number>
): GapCandidate {
  const reasons: string[] = [];
  const [base, why] = SOURCE_SCORE[item.source];
  let total = base;
  reasons.push(why);

  if (item.type === 'other') {
    total += TYPE_WEIGHT * UNTYPED_FIT;
    reasons.push('a name of unknown type');
  } else {
    const fit = expectation.weights[item.type as NameType] ?? 0;
    total += TYPE_WEIGHT * fit;
    reasons.push(`${label(item.type)} fits the context${fit >= 0.99 ? '' : ` ${Math.round(fit * 100)}%`}`);
    const share = framed.get(item.type) ?? 0;
    if (share > 0) {
      total += 1.5 * share;
      reasons.push(`the article puts ${label(item.type).replace(/^an? /u, '')} names in this frame`);
    }
  }

  if (item.positions.length > 0) {
    total += Math.min(2.5, 0.75 * Math.log2(1 + item.positions.length));
    reasons.push(`named ${item.positions.length} ${item.positions.length === 1 ? 'time' : 'times'} in the article`);
    const distance = Math.min(...item.positions.map((p) => Math.abs(p - gap.start)));
    const nearness = Math.exp(-distance / 1500);
    total += nearness;
    if (nearness > 0.5) reasons.push('named near the gap');
  }

  const frames = item.positions.map((p) => frameAround(text, p, p + surfaceAt(text, p, item.surfaces)));
  if (frame.left && (frames.some((f) => f.left === frame.left) || afterSameWord(text, frame.left, item.surfaces))) {
    total += 1;
    reasons.push(`follows "${frame.left}" elsewhere in the article`);
  }
  if (frame.right && frames.some((f) => f.right === frame.right || f.afterAside === frame.right)) {
    total += 1;
    reasons.push(`"${frame.right}" follows it elsewhere in the article`);
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

interface Frame {
  /** The word before, lower case ("minister", "the"), or null. */
  left: string | null;
  /** The word or sign after, lower case ("said", "'s", ","), or null. */
  right: string | null;
  /** The word after a short aside between commas: "said" in "Nazer, quoted by SPA, said". */
  afterAside: string | null;
}

/**
 * Which types of name the article puts in the gap's frame elsewhere, as shares: in company news
 * "… said" follows companies, in politics people.
 */
function typesInFrame(text: string, frame: Frame, items: PoolItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const item of items) {
    if (item.type === 'other') continue;
    for (const position of item.positions) {
      const around = frameAround(text, position, position + surfaceAt(text, position, item.surfaces));
      const same =
        (frame.left !== null && around.left === frame.left) || (frame.right !== null && (around.right === frame.right || around.afterAside === frame.right));
      if (!same) continue;
      counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
      total += 1;
    }
  }
  for (const [type, n] of counts) counts.set(type, n / total);
  return counts;
}

/** The words either side of a span, across one line break of hard-wrapped copy. */
function frameAround(text: string, start: number, end: number): Frame {
  const before = text.slice(Math.max(0, start - 40), start).replace(/\n(?!\s*\n)/gu, ' ');
  const after = text.slice(end, end + 40).replace(/\n(?!\s*\n)/gu, ' ');
  const left = /(\p{L}+)[ \t]*$/u.exec(before)?.[1]?.toLowerCase() ?? null;
  const right = /^[ \t]*(['’]s\b|\p{L}+|[,;:()])/u.exec(after)?.[1]?.toLowerCase().replace('’', "'") ?? null;
  const afterAside = /^,(?:[ \t]+[\p{L}'’-]+){1,5},[ \t]*(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? null;
  return { left, right, afterAside };
}

/** The length of the surface form the article uses at `position` (the longest that matches there). */
function surfaceAt(text: string, position: number, surfaces: string[]): number {
  const at = surfaces.filter((s) => text.startsWith(s, position)).sort((a, b) => b.length - a.length)[0];
  return at?.length ?? 0;
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
