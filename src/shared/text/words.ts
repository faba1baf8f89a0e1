/**
 * Word characters, Unicode-aware: letters, combining marks and digits of any script. An astral
 * letter counts as one character; punctuation, spaces and apostrophes end a word.
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]+$/u;

/** The length (UTF-16 units) of the word character ending at `i`, 0 when there is none. */
export function wordCharBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const from = i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]!) && /[\uD800-\uDBFF]/.test(text[i - 2]!) ? i - 2 : i - 1;
  return WORD_CHAR.test(text.slice(from, i)) ? i - from : 0;
}

/** The length (UTF-16 units) of the word character starting at `i`, 0 when there is none. */
export function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const char = String.fromCodePoint(text.codePointAt(i)!);
  return WORD_CHAR.test(char) ? char.length : 0;
}

/** True when offset `i` lies between two word characters, inside a word. */
export function insideWord(text: string, i: number): boolean {
  return wordCharBefore(text, i) > 0 && wordCharAt(text, i) > 0;
}
