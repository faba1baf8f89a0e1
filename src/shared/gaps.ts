/**
 * Masked-name gaps: some articles arrive with names removed, leaving a run of
 * spaces inside a line ("the   to make", "Sheriff  , a"). Layout whitespace is not a gap:
 * indentation, blank or whitespace-only lines, trailing spaces, and the spacing after a
 * sentence's final punctuation. In hard-wrapped copy (wire stories) a sentence runs on over the
 * line break, so a run of three or more that ends a wrapped line in mid-sentence, or opens the line
 * that continues one, is a gap too; short lines and shorter runs there stay layout.
 */
import type { Gap } from './domain';

/** Spaces, no-break spaces and tabs; a gap is a run of at least two of them. */
const WHITESPACE_RUN = /[ \u00a0\t]{2,}/g;
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
/** A line at least this long is taken as hard-wrapped prose rather than a short layout line. */
const WRAPPED_LINE = 30;
const MIN_RUN_AT_LINE_EDGE = 3;
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
  if (before === undefined || after === undefined) return false;
  const atLineStart = LINE_BREAKS.has(before);
  const atLineEnd = LINE_BREAKS.has(after);
  if (!atLineStart && !atLineEnd) return !followsSentenceEnd(text, start);
  if ((atLineStart && atLineEnd) || end - start < MIN_RUN_AT_LINE_EDGE) return false;
  if (atLineEnd) return !followsSentenceEnd(text, start) && lineStart(text, start) <= end - WRAPPED_LINE && nextLineHasText(text, end);
  return endsInMidSentence(text, start - 1);
}

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !LINE_BREAKS.has(text[i - 1]!)) i -= 1;
  return i;
}

/** True when the wrapped line that the line break at `lineBreak` ends stops in mid-sentence. */
function endsInMidSentence(text: string, lineBreak: number): boolean {
  let end = lineBreak;
  if (text[lineBreak] === '\n' && text[lineBreak - 1] === '\r') end -= 1;
  while (end > 0 && /[ \t\u00a0]/u.test(text[end - 1]!)) end -= 1;
  const start = lineStart(text, end);
  return end - start >= WRAPPED_LINE && !followsSentenceEnd(text, end);
}

/** True when the line after the line break at `lineBreak` has text (the paragraph goes on). */
function nextLineHasText(text: string, lineBreak: number): boolean {
  return /^(?:\r\n|[\n\r\u2028\u2029])[ \t\u00a0]*\S/u.test(text.slice(lineBreak, lineBreak + 200));
}

function followsSentenceEnd(text: string, runStart: number): boolean {
  let i = runStart - 1;
  while (i > 0 && CLOSERS.has(text[i])) i -= 1;
  return SENTENCE_END.has(text[i]);
}
