/** Where a span of an article came from in its source file (the inspector shows "p. 3"). */
import type { Block } from '../domain';

/** The block that holds the offset, or null when the offset falls between blocks. Blocks are sorted and disjoint. */
export function blockAt(blocks: readonly Block[], offset: number): Block | null {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle];
    if (offset < block.start) high = middle - 1;
    else if (offset >= block.end) low = middle + 1;
    else return block;
  }
  return null;
}

/** "p. 3" for a block from a PDF page, else "¶ 12" (its 1-based paragraph number). */
export function blockLocation(block: Block): string {
  return block.page ? `p. ${block.page}` : `¶ ${block.index + 1}`;
}
