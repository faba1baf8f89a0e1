/**
 * Hard-wrapped wire copy (Reuters, AP: lines of about 60–80 characters, a new paragraph marked by an
 * indented line) shown as flowing paragraphs. Only the display changes: every character stays in
 * the DOM at its offset, a line end inside a paragraph is drawn as a space and one before an
 * indented line as a paragraph break.
 */
import type { Block } from '../../../shared/domain';

const MIN_LINES = 3;
const WIRE_LINE = { min: 40, max: 100 };
/** Share of a block's lines (the last one aside) that must have a wire line's length. */
const WIRE_SHARE = 0.7;

export function isHardWrapped(text: string, block: Pick<Block, 'start' | 'end' | 'kind'>): boolean {
  if (block.kind !== 'paragraph') return false;
  const lines = text.slice(block.start, block.end).split('\n');
  if (lines.length < MIN_LINES) return false;
  const body = lines.slice(0, -1);
  const wire = body.filter((line) => {
    const length = line.trim().length;
    return length >= WIRE_LINE.min && length <= WIRE_LINE.max;
  });
  return wire.length / body.length >= WIRE_SHARE;
}

export interface WrapPiece {
  start: number;
  end: number;
  kind: 'text' | 'soft-wrap' | 'paragraph-break';
}

/** The text between start and end cut at its line ends; null when it has none. */
export function wrapPieces(text: string, start: number, end: number): WrapPiece[] | null {
  const pieces: WrapPiece[] = [];
  let at = start;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    if (i > at) pieces.push({ start: at, end: i, kind: 'text' });
    pieces.push({ start: i, end: i + 1, kind: /[ \t]/.test(text[i + 1] ?? '') ? 'paragraph-break' : 'soft-wrap' });
    at = i + 1;
  }
  if (pieces.length === 0) return null;
  if (at < end) pieces.push({ start: at, end, kind: 'text' });
  return pieces;
}
