/**
 * Selections snap to whole words, as in doccano and Label Studio: a drag that starts or ends inside
 * a word takes all of it ("ardashian We" marks "Kardashian West"). Astral letters count as one.
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]+$/u;

/** The length of the word character ending at `i` (0 when there is none). */
function wordCharBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const from = i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]!) && /[\uD800-\uDBFF]/.test(text[i - 2]!) ? i - 2 : i - 1;
  return WORD_CHAR.test(text.slice(from, i)) ? i - from : 0;
}

/** The length of the word character starting at `i` (0 when there is none). */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const char = String.fromCodePoint(text.codePointAt(i)!);
  return WORD_CHAR.test(char) ? char.length : 0;
}

/** The span widened to the whole words it starts and ends in. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  if (wordCharAt(text, start) > 0) {
    for (let step = wordCharBefore(text, start); step > 0; step = wordCharBefore(text, start)) start -= step;
  }
  if (wordCharBefore(text, end) > 0) {
    for (let step = wordCharAt(text, end); step > 0; step = wordCharAt(text, end)) end += step;
  }
  return { start, end };
}
