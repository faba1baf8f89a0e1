import type { Block } from '../../shared/domain';
import { blockAt, blockLocation } from '../../shared/text/block-location';

/**
 * Where a span of the article sits in its source file: "p. 3" or "¶ 12" (blockLocation), and
 * "pp. 2–3" or "¶ 4–6" when it runs over several pages or paragraphs. Null when it lies outside
 * every block.
 */
export function spanLocation(blocks: readonly Block[], start: number, end: number): string | null {
  const first = blockAt(blocks, start);
  const last = blockAt(blocks, Math.max(start, end - 1));
  if (!first || !last) {
    const only = first ?? last;
    return only ? blockLocation(only) : null;
  }
  if (blockLocation(first) === blockLocation(last)) return blockLocation(first);
  return first.page && last.page ? `pp. ${first.page}–${last.page}` : `¶ ${first.index + 1}–${last.index + 1}`;
}
