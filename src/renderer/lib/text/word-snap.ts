/**
 * Selections snap to whole words, as in doccano and Label Studio: a drag that starts or ends inside
 * a word takes all of it ("ardashian We" marks "Kardashian West"). Astral letters count as one.
 * A word is a run of letters, digits and marks; in scripts written without spaces (Chinese,
 * Japanese, Thai…) such a run is a whole phrase, so there the words are the ones Intl.Segmenter finds.
 */
import { wordCharAt, wordCharBefore } from '../../../shared/text/words';

const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
/** How far either side of a position the segmenter reads: a run without spaces can be a whole paragraph. */
const SEGMENT_REACH = 64;

let segmenter: Intl.Segmenter | null = null;

/** The word holding the word character at `i`. */
function wordAt(text: string, i: number): { start: number; end: number } {
  let start = i;
  for (let step = wordCharBefore(text, start); step > 0; step = wordCharBefore(text, start)) start -= step;
  let end = i;
  for (let step = wordCharAt(text, end); step > 0; step = wordCharAt(text, end)) end += step;
  const from = Math.max(start, i - SEGMENT_REACH);
  const to = Math.min(end, i + SEGMENT_REACH);
  const near = text.slice(from, to);
  if (!UNSPACED.test(near)) return { start, end };
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const word = segmenter.segment(near).containing(i - from)!;
  return { start: from + word.index, end: from + word.index + word.segment.length };
}

/** The span widened to the whole words it starts and ends in. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  const first = wordCharAt(text, start) > 0 && wordCharBefore(text, start) > 0 ? wordAt(text, start).start : start;
  const before = wordCharBefore(text, end);
  const last = before > 0 && wordCharAt(text, end) > 0 ? wordAt(text, end - before).end : end;
  return { start: first, end: last };
}

/** Where a word step (Ctrl+arrow) from `i` lands: the end of the next word, or the start of the previous one. */
export function wordStep(text: string, i: number, direction: 'forward' | 'backward'): number {
  if (direction === 'forward') {
    let at = i;
    while (at < text.length && wordCharAt(text, at) === 0) at++;
    return at < text.length ? wordAt(text, at).end : at;
  }
  let at = i;
  while (at > 0 && wordCharBefore(text, at) === 0) at--;
  return at > 0 ? wordAt(text, at - wordCharBefore(text, at)).start : 0;
}
