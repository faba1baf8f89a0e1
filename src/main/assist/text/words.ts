/** Word-level helpers over UTF-16 offsets: word boundaries, whole-word search, comparison keys. */

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** The code point that ends at `end` (exclusive), or '' at the start of the text. */
function charBefore(text: string, end: number): string {
  if (end <= 0) return '';
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) return text.slice(end - 2, end);
  return text[end - 1]!;
}

function charAt(text: string, start: number): string {
  const code = text.codePointAt(start);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** True when the span starts and ends on word boundaries (letters, digits and marks count as word characters). */
export function isWholeWord(text: string, start: number, end: number): boolean {
  return !WORD_CHAR.test(charBefore(text, start)) && !WORD_CHAR.test(charAt(text, end));
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex source that only matches `alternatives` as whole words (longest alternative first). */
export function wholeWordPattern(alternatives: string[]): string {
  const sorted = [...alternatives].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return `(?<![\\p{L}\\p{N}\\p{M}_])(?:${sorted.join('|')})(?![\\p{L}\\p{N}\\p{M}_])`;
}

export interface Occurrence {
  start: number;
  end: number;
}

/** Every whole-word occurrence of `needle` (case-insensitive unless told otherwise); offsets never shift. */
export function findWholeWord(text: string, needle: string, caseSensitive = true): Occurrence[] {
  if (!needle.trim()) return [];
  const pattern = new RegExp(wholeWordPattern([needle]), caseSensitive ? 'gu' : 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The registry name of a mention's text: its whitespace folded ("Kim\nKardashian" is "Kim Kardashian"). */
export const registryName = (exact: string) => exact.replace(/\s+/g, ' ').trim();

/** The comparison key of a name or phrase: Unicode-normalised, whitespace collapsed, lower case. */
export function textKey(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The words of a phrase, for token-level comparisons (surnames, initials). */
export function wordsOf(s: string): string[] {
  return s.match(/[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}'’.-]*/gu) ?? [];
}
