import type { Mention } from '../../shared/domain';
import type { QuotePart } from '../../shared/published-content';

// A restored name is kept apart from the words around it ("President [X] and"), but not from
// punctuation that hugs a word ("Sheriff [X], a") or from an opening bracket or quote ("“[X] said").
const STRAIGHT_QUOTES = /["']/;
const OPENING = /[\p{Ps}\p{Pi}]/u;
const CLOSING = /[\p{Pe}\p{Pf},.;:!?%…]/u;

function spaceBefore(text: string): boolean {
  const chars = [...text];
  const last = chars[chars.length - 1]!;
  if (/\s/.test(last) || OPENING.test(last)) return false;
  // A straight quote after a space (or at the start) opens a quotation.
  return !(STRAIGHT_QUOTES.test(last) && (chars.length === 1 || /\s/.test(chars[chars.length - 2]!)));
}

function spaceAfter(text: string): boolean {
  const [first, second] = [...text];
  if (/\s/.test(first!) || CLOSING.test(first!)) return false;
  // A straight quote before a space, punctuation or the end closes a quotation.
  return !(STRAIGHT_QUOTES.test(first!) && (second === undefined || /\s/.test(second) || CLOSING.test(second)));
}

/**
 * The article text of [start, end) with runs of whitespace collapsed to one space, and each masked
 * mention inside it that has a restoration shown as "[restoration]" in place of its gap.
 */
export function quoteParts(text: string, start: number, end: number, mentions: readonly Mention[]): QuotePart[] {
  const gaps = mentions
    .filter((m) => m.masked && m.restoration && m.status !== 'rejected' && m.start >= start && m.end <= end)
    .sort((a, b) => a.start - b.start);
  const parts: QuotePart[] = [];
  let at = start;
  for (const gap of gaps) {
    if (gap.start < at) continue; // a second masked mention on the same gap
    pushText(parts, text.slice(at, gap.start));
    parts.push({ kind: 'restored', text: `[${gap.restoration!.trim()}]` });
    at = gap.end;
  }
  pushText(parts, text.slice(at, end));
  return spaced(parts);
}

function pushText(parts: QuotePart[], raw: string) {
  const text = raw.replace(/\s+/g, ' ');
  if (text) parts.push({ kind: 'text', text });
}

/** Trims the ends and puts the spaces a restored name needs next to the words around it. */
function spaced(parts: QuotePart[]): QuotePart[] {
  const out = parts.map((part) => ({ ...part }));
  out.forEach((part, i) => {
    if (part.kind !== 'restored') return;
    const before = out[i - 1];
    const after = out[i + 1];
    if (before?.kind === 'text' && spaceBefore(before.text)) before.text += ' ';
    if (after?.kind === 'text' && spaceAfter(after.text)) after.text = ` ${after.text}`;
  });
  if (out[0]?.kind === 'text') out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.trimEnd();
  return out.filter((part) => part.text !== '');
}

/** The quote as plain text, restored names in brackets. */
export const quoteText = (parts: readonly QuotePart[]): string => parts.map((part) => part.text).join('');
