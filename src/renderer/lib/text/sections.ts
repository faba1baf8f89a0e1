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

/**
 * How far the first screen draws annotations: the characters of about two screens of text, so a long
 * first paragraph shows its highlights as far as the window reaches before the rest are drawn.
 */
export const FIRST_SCREEN_CHARS = Math.ceil(1600 / LINE_HEIGHT_PX) * CHARS_PER_LINE;

/** The sections rendered before the rest: those guessed to start within `height` px (the window's) of the top. */
export const firstScreenSections = (sections: Section[], height: number) => sections.filter((section) => section.top < height);

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
