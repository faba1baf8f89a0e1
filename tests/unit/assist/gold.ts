/**
 * The hand-annotated gold set in tests/fixtures/gold (see its README): texts, entity spans and
 * check-worthy sentences, and the scores suggestions are measured with.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importHtml } from '../../../src/main/import/html';
import { escapeRegExp } from '../../../src/main/assist/text/words';

export const GOLD_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'gold');

export interface GoldEntity {
  start: number;
  end: number;
  /** The annotated type, then any other type a careful annotator would also accept. */
  types: string[];
}

export interface GoldDocument {
  name: string;
  text: string;
  entities: GoldEntity[];
  /** Spans of the sentences marked check-worthy. */
  checkWorthy: Array<{ start: number; end: number }>;
  /** Held-out texts are never used to settle a rule. */
  heldOut: boolean;
}

interface GoldFile {
  /** A .txt file, or a saved page (.html) read through the app's own importer. */
  text: string;
  /** Where annotation starts: wire copy leaves its all-caps headline unannotated. */
  annotatedFrom?: string;
  heldOut?: boolean;
  entities: Array<[string, ...string[]]>;
  checkWorthy: string[];
}

function readText(file: string): string {
  const bytes = readFileSync(join(GOLD_DIR, file));
  if (!file.endsWith('.html')) return bytes.toString('utf8');
  const page = importHtml(file, bytes, {});
  if (!page.ok) throw new Error(`${file}: ${page.error.message}`);
  return page.value.text;
}

/** Whole-word, case-sensitive occurrences; a space in the entry matches any run of whitespace (wire copy is hard-wrapped). */
function occurrences(text: string, entry: string, from: number) {
  const source = entry.split(' ').map(escapeRegExp).join('\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${source}(?![\\p{L}\\p{N}\\p{M}_])`, 'gu');
  return [...text.matchAll(pattern)].filter((m) => m.index >= from).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A sentence ends at . ! or ? (and a closing quote) before a capital letter or the end of the text. */
const SENTENCE_END = /[.!?]["”]?(?=\s+[\p{Lu}\p{N}"“<(]|\s*$)/u;

/**
 * Entity entries are [text, type, …other accepted types]; each marks every whole-word,
 * case-sensitive occurrence of the text not already covered by a longer entry.
 */
export function loadGold(): GoldDocument[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((file) => {
      const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8')) as GoldFile;
      const text = readText(gold.text);
      const from = gold.annotatedFrom === undefined ? 0 : text.indexOf(gold.annotatedFrom);
      if (from < 0) throw new Error(`${file}: annotation should start at "${gold.annotatedFrom}", which is not in ${gold.text}`);
      const entities: GoldEntity[] = [];
      const entries = [...gold.entities].sort((a, b) => b[0].length - a[0].length);
      for (const [name, ...types] of entries) {
        const spans = occurrences(text, name, from).filter((o) => !entities.some((e) => o.start < e.end && e.start < o.end));
        if (spans.length === 0) throw new Error(`${file}: "${name}" does not occur in ${gold.text}`);
        entities.push(...spans.map((o) => ({ ...o, types })));
      }
      const checkWorthy = gold.checkWorthy.map((opening) => {
        const start = text.indexOf(opening);
        if (start < 0) throw new Error(`${file}: no sentence opens with "${opening}"`);
        const end = text.slice(start).search(SENTENCE_END);
        return { start, end: end < 0 ? text.length : start + end + 1 };
      });
      const name = file.replace('.gold.json', '');
      return { name, text, entities: entities.sort((a, b) => a.start - b.start), checkWorthy, heldOut: gold.heldOut === true };
    });
}

export interface Scores {
  truePositives: number;
  suggested: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(truePositives: number, suggested: number, gold: number): Scores {
  const precision = suggested ? truePositives / suggested : 0;
  const recall = gold ? truePositives / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives, suggested, gold, precision, recall, f1 };
}

type Span = { start: number; end: number; type: string };

/** Strict: same span and an accepted type. Lenient: overlapping span and an accepted type. */
export function entityMatches(gold: GoldEntity[], suggested: Span[], lenient: boolean): number {
  const used = new Set<GoldEntity>();
  let hits = 0;
  for (const s of suggested) {
    const match = gold.find(
      (g) =>
        !used.has(g) &&
        g.types.includes(s.type) &&
        (lenient ? s.start < g.end && g.start < s.end : s.start === g.start && s.end === g.end)
    );
    if (match) {
      used.add(match);
      hits += 1;
    }
  }
  return hits;
}

/** Share of the first k suggestions that fall on a check-worthy sentence (more than half of the suggestion inside it). */
export function precisionAtK(checkWorthy: GoldDocument['checkWorthy'], ranked: Array<{ start: number; end: number }>, k: number) {
  const top = ranked.slice(0, k);
  const hits = top.filter((s) =>
    checkWorthy.some((g) => Math.min(s.end, g.end) - Math.max(s.start, g.start) > (s.end - s.start) / 2)
  ).length;
  return top.length ? hits / top.length : 0;
}
