/**
 * Masked-name gaps (DESIGN §2): some articles arrive with names removed, leaving a run of
 * spaces inside a line ("the   to make", "Sheriff  , a"). Layout whitespace is not a gap:
 * indentation, blank or whitespace-only lines, trailing spaces, and the spacing after a
 * sentence's final punctuation.
 */
import type { Gap } from './domain';

/** Spaces, no-break spaces and tabs; a gap is a run of at least two of them. */
const WHITESPACE_RUN = /[ \u00a0\t]{2,}/g;
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
/** Full stop, question and exclamation marks and ellipsis, including CJK, Arabic and Devanagari forms. */
const SENTENCE_END = new Set(['.', '?', '!', '…', '。', '？', '！', '؟', '۔', '।']);
/**
 * What may sit between the sentence end and the spacing: closing quotes and brackets (`."  Next`),
 * and the single spaces French puts inside guillemets (`« Fin. »  Suite`).
 */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', ' ', '\u00a0', '\u202f', '\u2009']);

/** Every gap in `text`, in order; offsets are UTF-16 code units, the span is the whitespace run. */
export function findGaps(text: string): Gap[] {
  const gaps: Gap[] = [];
  for (const match of text.matchAll(WHITESPACE_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isGap(text, start, end)) gaps.push({ start, end });
  }
  return gaps;
}

function isGap(text: string, start: number, end: number): boolean {
  // Tab-only runs align columns; a masking tool leaves spaces.
  if (/^\t+$/.test(text.slice(start, end))) return false;
  const before = text[start - 1];
  const after = text[end];
  if (before === undefined || LINE_BREAKS.has(before)) return false;
  if (after === undefined || LINE_BREAKS.has(after)) return false;
  return !followsSentenceEnd(text, start);
}

function followsSentenceEnd(text: string, runStart: number): boolean {
  let i = runStart - 1;
  while (i > 0 && CLOSERS.has(text[i])) i -= 1;
  return SENTENCE_END.has(text[i]);
}
