/** Find in the open document (Ctrl+F): every occurrence of what was typed, as text offsets. */

export interface TextMatch {
  start: number;
  end: number;
}

/** More matches than anyone steps through; the count then says "10000+". */
export const MAX_MATCHES = 10_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Literal occurrences of `query` in `text`, in order: case-insensitive unless `matchCase`, and a
 * space in the query matches any run of whitespace (a name broken over two lines is still found).
 * Offsets are UTF-16 indices into `text` (the regex runs on the text itself, so case folding
 * cannot shift them).
 */
export function findMatches(
  text: string,
  query: string,
  { matchCase = false, limit = MAX_MATCHES }: { matchCase?: boolean; limit?: number } = {}
): { matches: TextMatch[]; truncated: boolean } {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { matches: [], truncated: false };
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), matchCase ? 'gu' : 'giu');
  const matches: TextMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    if (matches.length === limit) return { matches, truncated: true };
    matches.push({ start: match.index, end: match.index + match[0].length });
  }
  return { matches, truncated: false };
}

/** Index of the first match at or after `offset` (0 when none is: the search wraps around). */
export function firstMatchFrom(matches: TextMatch[], offset: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low < matches.length ? low : 0;
}
