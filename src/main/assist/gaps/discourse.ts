/**
 * What the story as a whole says about who a gap hides, beyond the words around it: the headline
 * names the story's subject, the name the article gave last before the gap is the one it is most
 * likely still talking about, a stock ticker after the gap spells the company's name, and wire copy
 * marks a company's first mention with angle brackets ("<␣> said"), so a name the article already
 * gave before the gap is unlikely there. A gap in brackets right after a name holds its initials
 * ("African National Congress (␣)"), and a name given only in the byline is the writer's.
 */
import { hasLegalSuffix } from '../entities/wire';
import { escapeRegExp, wordsOf } from '../text/words';

/** The headline: the first line, when a blank line follows it and it is short (a byline is none). */
export function headlineOf(text: string): string {
  const end = text.search(/\r?\n[ \t]*\r?\n/u);
  const first = text.slice(0, Math.max(0, end));
  return end > 0 && end <= 200 && !first.includes('\n') && !BYLINE.test(first) ? first : '';
}

const BYLINE = /^[ \t]*By\s+\p{Lu}/u;

/** True when every mention sits in a byline line ("By Daniel Ruiz · 2013-01-14"). */
export function onlyInByline(text: string, positions: number[]): boolean {
  return positions.length > 0 && positions.every((p) => BYLINE.test(text.slice(text.lastIndexOf('\n', p - 1) + 1, p + 1)));
}

/** Words that do not give an initial to an acronym. */
const NO_INITIAL = new Set(['of', 'and', 'the', 'for', 'de', 'del', 'la', '&']);
/** The capitalised name that ends a text, with the joining words above inside it. */
const NAME_RUN_AT_END = new RegExp(String.raw`((?:\p{Lu}[\p{L}'’-]*\s+(?:(?:${[...NO_INITIAL].join('|')})\s+)*)+)$`, 'u');

/**
 * The initials of the name right before a bracketed gap, sorted ("African National Congress (␣)"
 * gives "ACN"; sorted, as languages order them differently: "National Action Party" is PAN), or null.
 */
export function initialsBefore(text: string, gap: { start: number; end: number }): string | null {
  if (text[gap.start - 1] !== '(' || text[gap.end] !== ')') return null;
  const run = NAME_RUN_AT_END.exec(text.slice(Math.max(0, gap.start - 120), gap.start - 1));
  if (!run) return null;
  const initials = run[1]!.split(/\s+/u).filter((w) => w && !NO_INITIAL.has(w.toLowerCase())).map((w) => w[0]!.toUpperCase());
  return initials.length >= 2 ? initials.sort().join('') : null;
}

/** True when the name is an acronym of exactly those (sorted) initials. */
export const isAcronymOf = (name: string, initials: string) =>
  /^\p{Lu}{2,}$/u.test(name) && [...name].sort().join('') === initials;

/** True when the headline names one of the forms, with or without its legal suffix (case aside: wire headlines are capitals). */
export function inHeadline(headline: string, surfaces: string[]): boolean {
  if (!headline) return false;
  return surfaces.some((surface) => {
    const words = wordsOf(surface);
    while (words.length > 1 && hasLegalSuffix(words.join(' '))) words.pop();
    if (words.length === 0 || words.join('').length < 3) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu').test(headline);
  });
}

/** The ticker in angle brackets right after the gap ("␣ <NKKT.T>"), without its exchange, or null. */
export function tickerAfter(text: string, gapEnd: number): string | null {
  return /^[ \t\n]*<([A-Z]{2,6})(?:\.[A-Z]{1,2})?>/u.exec(text.slice(gapEnd, gapEnd + 20))?.[1] ?? null;
}

/** True when the ticker's letters occur in the name in order, the first one opening it ("TOSS" in "Toshin Steel"). */
export function spellsTicker(ticker: string, name: string): boolean {
  const letters = name.toUpperCase().replace(/[^\p{Lu}]/gu, '');
  if (letters[0] !== ticker[0]) return false;
  let at = 0;
  for (const letter of ticker) {
    at = letters.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** True when the gap sits in angle brackets, as the wire marks a company it names for the first time. */
export const bracketed = (text: string, gap: { start: number; end: number }) => text[gap.start - 1] === '<' && text[gap.end] === '>';
