/**
 * The measurements the quality test makes on the gold set: exact-span precision and recall per
 * entity type, claim precision at 5, and masked-name restoration (one gold name mention at a
 * time replaced by a fixed run of spaces, as masking tools do, then ranked from the rest of the article).
 */
import { analyseText } from '../../../src/main/assist/analyse';
import { documentNames } from '../../../src/main/assist/gaps/names';
import { buildGapPool } from '../../../src/main/assist/gaps/pool';
import { rankGapCandidates } from '../../../src/main/assist/gaps/rank';
import { textKey, wordsOf } from '../../../src/main/assist/text/words';
import { findGaps } from '../../../src/shared/gaps';
import { type GoldDocument, type GoldEntity, type Scores, precisionAtK, score } from './gold';

export const ENTITY_TYPES = ['person', 'organization', 'location', 'date', 'number'] as const;
const NAME_TYPES = new Set(['person', 'organization', 'location']);

export type Run = { doc: GoldDocument; result: ReturnType<typeof analyseText> };

export const analyseGold = (docs: GoldDocument[]): Run[] =>
  docs.map((doc) => ({ doc, result: analyseText({ text: doc.text, knowledge: [], claims: true }) }));

/** Exact span and an accepted type, per type: a suggestion counts for the type it carries, a gold entity for its annotated type. */
export function scoresByType(runs: Run[]): Record<string, Scores> {
  const tally = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { hits: 0, suggested: 0, gold: 0, found: 0 }]));
  for (const { doc, result } of runs) {
    const used = new Set<GoldEntity>();
    for (const s of result.entities) {
      const match = doc.entities.find((g) => !used.has(g) && g.start === s.start && g.end === s.end && g.types.includes(s.type));
      if (tally[s.type]) tally[s.type]!.suggested += 1;
      if (match) {
        used.add(match);
        if (tally[s.type]) tally[s.type]!.hits += 1;
      }
    }
    for (const g of doc.entities) {
      const t = tally[g.types[0]!];
      if (!t) continue;
      t.gold += 1;
      if (used.has(g)) t.found += 1;
    }
  }
  return Object.fromEntries(
    Object.entries(tally).map(([type, t]) => {
      const s = score(t.hits, t.suggested, t.gold);
      const recall = t.gold ? t.found / t.gold : 0;
      return [type, { ...s, recall: round(recall), precision: round(s.precision), f1: round(s.f1) }];
    })
  );
}

export const meanPrecisionAt5 = (runs: Run[]) => {
  const scored = runs.filter((r) => r.doc.checkWorthy.length > 0);
  return round(scored.reduce((sum, { doc, result }) => sum + precisionAtK(doc.checkWorthy, result.claims, 5), 0) / scored.length);
};

export interface MaskCase {
  doc: GoldDocument;
  mention: GoldEntity;
  exact: string;
}

/**
 * Name mentions (person, organisation, place) whose name the article also gives elsewhere, so the
 * rest of the article can restore them, and that do not open a sentence (a masked sentence opening
 * is spacing after a full stop or paragraph indentation, no gap); spread evenly, at most `limit`.
 */
export function maskCases(docs: GoldDocument[], limit: number): MaskCase[] {
  const all: MaskCase[] = [];
  for (const doc of docs) {
    for (const mention of doc.entities) {
      if (!NAME_TYPES.has(mention.types[0]!) || opensSentence(doc.text, mention.start)) continue;
      const exact = doc.text.slice(mention.start, mention.end);
      const elsewhere = doc.entities.some((other) => other !== mention && sameName(doc.text.slice(other.start, other.end), exact));
      if (elsewhere) all.push({ doc, mention, exact });
    }
  }
  const step = all.length / Math.min(limit, all.length);
  return Array.from({ length: Math.min(limit, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}

function opensSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before === '' || /[.!?]["”]?$/u.test(before) || /\n\s*\n\s*$/u.test(text.slice(0, at));
}

/** Same name, or one is the other's leading or trailing words ("Lacy" / "Richard Lacy", "Exco" / "Exco International Plc"). */
export function sameName(a: string, b: string): boolean {
  const x = wordsOf(a).map((w) => w.toLowerCase());
  const y = wordsOf(b).map((w) => w.toLowerCase());
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const joined = (ws: string[]) => ws.join(' ');
  return joined(long.slice(0, short.length)) === joined(short) || joined(long.slice(-short.length)) === joined(short);
}

/**
 * A masking tool's run: the name and the spaces either side of it become three spaces, whatever
 * the name's length, so the gap's width says nothing about the name (as in real masked copy).
 */
const MASK = '   ';

/** The text with the mention masked, and the span of the run that replaced it. */
export function maskMention(text: string, mention: { start: number; end: number }): { masked: string; start: number; end: number } {
  let start = mention.start;
  let end = mention.end;
  while (start > 0 && /[ \t]/u.test(text[start - 1]!)) start -= 1;
  while (end < text.length && /[ \t]/u.test(text[end]!)) end += 1;
  return { masked: text.slice(0, start) + MASK + text.slice(end), start, end: start + MASK.length };
}

/** The rank (1-based) of the masked name among the candidates for the gap it leaves, or null (no gap, or not offered). */
export function restorationRank({ doc, mention, exact }: MaskCase): number | null {
  const { masked, start, end } = maskMention(doc.text, mention);
  const gap = findGaps(masked).find((g) => g.start === start && g.end === end);
  if (!gap) return null;
  const { entities } = analyseText({ text: masked, knowledge: [], claims: false });
  const suggestions = entities.map((e) => ({ start: e.start, exact: masked.slice(e.start, e.end), type: e.type, entityId: null }));
  const pool = buildGapPool({ mentions: [], suggestions, names: documentNames(masked, suggestions), entities: new Map(), library: [] });
  const { candidates } = rankGapCandidates(masked, gap, pool);
  const index = candidates.findIndex((c) => sameName(c.name, exact) || textKey(c.name) === textKey(exact));
  return index < 0 ? null : index + 1;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
