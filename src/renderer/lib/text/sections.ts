/** The article cut into sections of a few blocks: the unit that is rendered or left out as it scrolls. */
import type { Block } from '../../../shared/domain';

export interface Section {
  /** Index of its first block, and one past its last. */
  from: number;
  to: number;
  /** The text span it covers. */
  start: number;
  end: number;
  /** Guessed height in px, from the length of its text, until it has been on screen. */
  estimate: number;
  /** Guessed distance in px from the top of the article. */
  top: number;
}

/** About a screenful of text; a single longer block is a section of its own. */
const SECTION_CHARS = 3000;
const MAX_SECTION_BLOCKS = 30;
const LINE_HEIGHT_PX = 29;
const CHARS_PER_LINE = 85;
const BLOCK_MARGIN_PX = 15;

/** The part of the article rendered before the rest: the sections guessed to start this close to the top. */
export const FIRST_SCREEN_PX = 1600;
/** The characters that fill that part, by the same guesses: how far the first screen draws annotations. */
export const FIRST_SCREEN_CHARS = Math.ceil(FIRST_SCREEN_PX / LINE_HEIGHT_PX) * CHARS_PER_LINE;

const blockEstimate = (block: Block) =>
  Math.max(1, Math.ceil((block.end - block.start) / CHARS_PER_LINE)) * LINE_HEIGHT_PX + BLOCK_MARGIN_PX;

export function sectionsOf(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  let top = 0;
  for (let from = 0; from < blocks.length; ) {
    let to = from;
    let chars = 0;
    let estimate = 0;
    while (to < blocks.length && to - from < MAX_SECTION_BLOCKS && (to === from || chars < SECTION_CHARS)) {
      chars += blocks[to].end - blocks[to].start;
      estimate += blockEstimate(blocks[to]);
      to++;
    }
    sections.push({ from, to, start: blocks[from].start, end: blocks[to - 1].end, estimate, top });
    top += estimate;
    from = to;
  }
  return sections;
}
