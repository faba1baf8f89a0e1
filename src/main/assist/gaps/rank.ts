/**
 * Ranks restoration candidates for one gap. A candidate's score adds up transparent parts, each
 * listed as a reason: where it comes from (confirmed in this article > suggested in it > named in
 * it > known in the library), how well its type fits the context, how often and how near the gap
 * the article names it, whether the article names it in the same frame elsewhere: after the
 * same word ("Minister …", "the …") or before it ("… said", "…'s"), and what the story around the
 * gap says (see discourse.ts). The gap's width is no evidence: masks are runs of two or three spaces.
 */
import type { GapCandidate, GapCandidateSource } from '../../../shared/api/methods/assist';
import { hasLegalSuffix } from '../entities/wire';
import { escapeRegExp } from '../text/words';
import { bracketed, headlineOf, inHeadline, initialsBefore, isAcronymOf, onlyInByline, spellsTicker, tickerAfter } from './discourse';
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
const NAME_TYPE_LIST: NameType[] = ['person', 'organization', 'location'];
/** How much the recogniser's type counts against what the article's frames around the name say. */
const TYPED_SHARE = 0.7;

export interface RankedGap extends GapExpectation {
  candidates: GapCandidate[];
}

export function rankGapCandidates(text: string, gap: { start: number; end: number }, pool: PoolItem[], limit = 8): RankedGap {
  const expectation = gapExpectation(text, gap);
  const frame = frameAround(text, gap.start, gap.end);
  const named = pool.filter((item) => NAME_TYPES.has(item.type));
  const framed = typesInFrame(text, frame, named);
  const story = storyAround(text, gap);
  const candidates = named
    .map((item) => score(text, gap, item, expectation, frame, framed, story))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { ...expectation, candidates: candidates.slice(0, limit) };
}

function score(
  text: string,
  gap: { start: number; end: number },
  item: PoolItem,
  expectation: GapExpectation,
  frame: Frame,
  framed: Map<string, number>,
  story: Story
): GapCandidate {
  const reasons: string[] = [];
  const [base, why] = SOURCE_SCORE[item.source];
  let total = base;
  reasons.push(why);

  const profile = typeProfile(text, item);
  const fit = NAME_TYPE_LIST.reduce((sum, type) => sum + profile[type] * expectation.weights[type], 0);
  total += TYPE_WEIGHT * fit;
  const likely = NAME_TYPE_LIST.reduce((a, b) => (profile[b] > profile[a] ? b : a));
  const likelyFit = expectation.weights[likely];
  reasons.push(
    item.type === 'other' && profile[likely] < 0.5
      ? 'a name of unknown type'
      : `${label(likely)} fits the context${likelyFit >= 0.99 ? '' : ` ${Math.round(likelyFit * 100)}%`}`
  );
  const share = item.type === 'other' ? 0 : (framed.get(item.type) ?? 0);
  if (share > 0) {
    total += 1.5 * share;
    reasons.push(`the article puts ${label(item.type).replace(/^an? /u, '')} names in this frame`);
  }

  if (item.positions.length > 0) {
    total += Math.min(4, Math.log2(1 + item.positions.length));
    reasons.push(`named ${item.positions.length} ${item.positions.length === 1 ? 'time' : 'times'} in the article`);
    const distance = Math.min(...item.positions.map((p) => Math.abs(p - gap.start)));
    const nearness = Math.exp(-distance / 1500);
    total += nearness;
    if (nearness > 0.5) reasons.push('named near the gap');
  }

  total += storyScore(text, item, gap, story, reasons);

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
  const { sentence } = story;
  if (item.positions.some((p) => p >= sentence.start && p < sentence.end)) {
    total -= 2;
    reasons.push('already named in the same sentence');
  }
  return { name: item.name, type: item.type, entityId: item.entityId, source: item.source, score: Math.round(total * 100) / 100, reasons };
}

interface Story {
  headline: string;
  /** True when the gap is in the story's first sentence, which introduces what the headline names. */
  lead: boolean;
  ticker: string | null;
  bracketed: boolean;
  /** The sorted initials of the name before a bracketed gap, or null. */
  initials: string | null;
  /** The sentence the gap is in. */
  sentence: { start: number; end: number };
}

function storyAround(text: string, gap: { start: number; end: number }): Story {
  const headline = headlineOf(text);
  return {
    headline,
    lead: headline !== '' && !/[.!?]\s/u.test(text.slice(headline.length, gap.start).trim()),
    ticker: tickerAfter(text, gap.end),
    bracketed: bracketed(text, gap),
    initials: initialsBefore(text, gap),
    sentence: sentenceAround(text, gap.start)
  };
}

/** Points from the story around the gap (see discourse.ts), with their reasons. */
function storyScore(text: string, item: PoolItem, gap: { start: number; end: number }, story: Story, reasons: string[]): number {
  let total = 0;
  const forms = [item.name, ...item.surfaces];
  if (story.lead && inHeadline(story.headline, forms)) {
    total += 1;
    reasons.push('named in the headline');
  }
  if (story.ticker && item.type !== 'person' && item.type !== 'location' && forms.some((s) => spellsTicker(story.ticker!, s))) {
    total += 2;
    reasons.push(`the ticker <${story.ticker}> after the gap spells it`);
  }
  if (story.initials && forms.some((s) => isAcronymOf(s, story.initials!))) {
    total += 3;
    reasons.push('the initials of the name before the brackets');
  }
  if (onlyInByline(text, item.positions)) {
    total -= 2;
    reasons.push('named only in the byline');
  }
  if (story.bracketed && item.positions.some((p) => p < gap.start)) {
    total -= 3;
    reasons.push('already named before the gap, where the wire brackets a first mention');
  }
  return total;
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

const profiles = new WeakMap<PoolItem, Record<NameType, number>>();

/**
 * How likely each type is for a candidate: the recogniser's type, blended with the cues the
 * frames around the article's mentions of it give (read as if each were a gap: "Minister ␣",
 * "<␣>", "in ␣"); a legal suffix makes a company. Shares sum to 1. Kept per pool item, as the
 * pool belongs to one text.
 */
function typeProfile(text: string, item: PoolItem): Record<NameType, number> {
  const known = profiles.get(item);
  if (known) return known;
  const cues: Record<NameType, number> = { person: 0, organization: 0, location: 0 };
  for (const position of item.positions) {
    const { weights } = gapExpectation(text, { start: position, end: position + surfaceAt(text, position, item.surfaces) });
    for (const type of NAME_TYPE_LIST) cues[type] += weights[type];
  }
  const total = NAME_TYPE_LIST.reduce((sum, type) => sum + cues[type], 0);
  const given: NameType | null = NAME_TYPE_LIST.includes(item.type as NameType)
    ? (item.type as NameType)
    : item.surfaces.some(hasLegalSuffix)
      ? 'organization'
      : null;
  const profile = Object.fromEntries(
    NAME_TYPE_LIST.map((type) => {
      const fromCues = total > 0 ? cues[type] / total : 1 / 3;
      return [type, given ? TYPED_SHARE * Number(type === given) + (1 - TYPED_SHARE) * fromCues : fromCues];
    })
  ) as Record<NameType, number>;
  profiles.set(item, profile);
  return profile;
}

const label = (type: string) => (type === 'location' ? 'a place' : type === 'organization' ? 'an organisation' : `a ${type}`);
