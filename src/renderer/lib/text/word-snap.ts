/**
 * Selections snap to whole words, as in doccano and Label Studio: a drag that starts or ends inside
 * a word takes all of it ("ardashian We" marks "Kardashian West"). Astral letters count as one.
 */
import { wordCharAt, wordCharBefore } from '../../../shared/text/words';

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
