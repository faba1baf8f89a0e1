/** Span helpers over UTF-16 code-unit offsets that never cut a surrogate pair in half. */

export const QUOTE_CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when offset i does not fall between the two halves of an astral character. */
export function isCodePointBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i)));
}

/** Why a span cannot be annotated in this text, or null when it can. */
export function spanProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'offsets must be whole numbers';
  if (start < 0 || end > text.length) return `the span ${start}–${end} lies outside the text (length ${text.length})`;
  if (start >= end) return 'the span is empty';
  if (!isCodePointBoundary(text, start) || !isCodePointBoundary(text, end)) {
    return 'the span would cut a character in half';
  }
  return null;
}

/** Whether a span runs across a paragraph break: it lies within none of the text's blocks. */
export function crossesBlocks(blocks: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return blocks.length > 0 && !blocks.some((block) => block.start <= start && end <= block.end);
}

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Up to `context` code units of the text before `start`, never half a character. */
export function prefixAt(text: string, start: number, context = QUOTE_CONTEXT_LENGTH): string {
  let prefixStart = Math.max(0, start - context);
  if (!isCodePointBoundary(text, prefixStart)) prefixStart += 1;
  return text.slice(prefixStart, start);
}

/** Up to `context` code units of the text after `end`, never half a character. */
export function suffixAt(text: string, end: number, context = QUOTE_CONTEXT_LENGTH): string {
  let suffixEnd = Math.min(text.length, end + context);
  if (!isCodePointBoundary(text, suffixEnd)) suffixEnd -= 1;
  return text.slice(end, suffixEnd);
}

/** The W3C TextQuoteSelector parts of a span: the exact text and up to `context` code units either side. */
export function quoteAt(text: string, start: number, end: number, context = QUOTE_CONTEXT_LENGTH): TextQuote {
  return { exact: text.slice(start, end), prefix: prefixAt(text, start, context), suffix: suffixAt(text, end, context) };
}
