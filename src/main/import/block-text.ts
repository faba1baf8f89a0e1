/**
 * Article text for formats whose text is extracted rather than read verbatim (HTML, DOCX, PDF):
 * the blocks' texts joined by blank lines, each block's span pointing into that text.
 */
import type { Block, BlockKind } from '../../shared/domain';

/** A block before it has a place in the text. */
export interface BlockDraft {
  kind: BlockKind;
  text: string;
  level?: number;
  page?: number;
}

export const BLOCK_SEPARATOR = '\n\n';

/**
 * Joins the drafts with blank lines. Each draft is trimmed and its blank lines removed (a block
 * never contains the separator); drafts left empty are dropped.
 */
export function assembleBlocks(drafts: readonly BlockDraft[]): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const draft of drafts) {
    const text = draft.text.replace(/\n\s*\n/g, '\n').trim();
    if (text === '') continue;
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({
      start: offset,
      end: offset + text.length,
      kind: draft.kind,
      ...(draft.level ? { level: draft.level } : {}),
      ...(draft.page ? { page: draft.page } : {}),
      index: blocks.length
    });
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}
