/**
 * PDF text layer → blocks. pdf.js reports positioned runs of text; they are joined into lines
 * (same baseline, left to right), running headers, footers and page numbers are dropped, and
 * lines are joined into paragraphs and headings, undoing end-of-line hyphenation. Pure: it
 * works on plain numbers, so the rules are tested without a PDF.
 */
import type { BlockKind } from '../../shared/domain';
import type { BlockDraft } from './block-text';

/** A run of text as pdf.js reports it, in PDF user space: y is the baseline and grows upwards. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** Right-to-left text: its runs follow each other leftwards. */
  rtl: boolean;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  /** The page box's lower and upper edge, in the runs' units. */
  bottom: number;
  top: number;
  runs: PdfTextRun[];
}

interface Line {
  page: number;
  text: string;
  x: number;
  right: number;
  y: number;
  fontSize: number;
}

/** Running headers and footers are among the first or last few lines of a page, in its outer bands. */
const EDGE_LINES = 3;
const EDGE_BAND = 0.15;
/** A heading's font is at least this much larger than the body text's. */
const HEADING_SCALE = 1.15;
const MAX_HEADING_LENGTH = 200;
const PAGE_NUMBER = /^[-–—\s]*(?:page\s*)?(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s*(?:of|\/)\s*\d{1,5})?[-–—\s]*$/i;
const LIST_MARKER = /^(?:[•◦▪▫●○■□‣⁃∙·*–-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/u;
/** "2. Experimental method", "3.1 Sampling": a section number, then a capitalised title with no sentence end. */
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\p{Lu}/u;
const MAX_NUMBERED_HEADING_LENGTH = 80;
const SENTENCE_END = /[.!?:;…]["'”’)\]]*$/u;
/** Words written with a hyphen even when it falls at a line end ("well-known", "self-made"). */
const HYPHENATED_PREFIXES = new Set(['self', 'well', 'ex', 'all', 'half']);

/** The article's blocks, each with the page it starts on. */
export function pdfBlocks(pages: readonly PdfPageText[]): BlockDraft[] {
  const pageLines = pages.map(linesOfPage);
  const running = runningLines(pages, pageLines);
  const lines = pageLines.flat().filter((line) => !running.has(line));
  return new ParagraphBuilder(lines).build();
}

/** Joins runs into lines: a run on the same baseline that does not jump back against the writing direction continues the line. */
function linesOfPage({ page, runs }: PdfPageText): Line[] {
  const lines: Line[] = [];
  let current: LineBuilder | null = null;
  for (const run of runs) {
    if (run.text === '') continue;
    if (current?.accepts(run)) {
      current.add(run);
    } else if (run.text.trim() !== '') {
      if (current) lines.push(current.finish());
      current = new LineBuilder(page, run);
    }
  }
  if (current) lines.push(current.finish());
  return lines.filter((line) => line.text !== '');
}

class LineBuilder {
  private text = '';
  private readonly x: number;
  private left: number;
  private right: number;
  private readonly y: number;
  /** Characters per font size: the line's size is the one most of its text uses. */
  private readonly sizes = new Map<number, number>();

  constructor(
    private readonly page: number,
    first: PdfTextRun
  ) {
    this.x = first.x;
    this.left = first.x;
    this.right = first.x;
    this.y = first.y;
    this.add(first);
  }

  accepts(run: PdfTextRun): boolean {
    const size = Math.max(this.fontSize(), run.fontSize);
    return Math.abs(run.y - this.y) <= size / 2 && (run.rtl || run.x >= this.right - size);
  }

  add(run: PdfTextRun): void {
    const gap = run.rtl && run.x < this.left ? this.left - (run.x + run.width) : run.x - this.right;
    if (this.text !== '' && gap > run.fontSize * 0.2 && !/\s$/.test(this.text) && !/^\s/.test(run.text)) this.text += ' ';
    this.text += run.text;
    this.left = Math.min(this.left, run.x);
    this.right = Math.max(this.right, run.x + run.width);
    const size = Math.round(run.fontSize * 2) / 2;
    this.sizes.set(size, (this.sizes.get(size) ?? 0) + run.text.trim().length);
  }

  fontSize(): number {
    let best = 0;
    let bestCount = -1;
    for (const [size, count] of this.sizes) {
      if (count > bestCount) [best, bestCount] = [size, count];
    }
    return best;
  }

  finish(): Line {
    const text = this.text.replace(/\s+/g, ' ').trim();
    return { page: this.page, text, x: this.x, right: this.right, y: this.y, fontSize: this.fontSize() };
  }
}

/**
 * Running headers and footers: lines among the top or bottom few of a page, in its top or bottom
 * 15 %, whose text (digits ignored, so "Page 3" matches "Page 4") recurs on at least half of the
 * pages, and lone page numbers there. A one-page document has none.
 */
function runningLines(pages: readonly PdfPageText[], pageLines: readonly Line[][]): Set<Line> {
  const running = new Set<Line>();
  if (pageLines.length < 2) return running;
  const edges = pageLines.map((lines, i) => {
    const { top, bottom } = pages[i];
    const band = (top - bottom) * EDGE_BAND;
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return new Set([
      ...byHeight.slice(0, EDGE_LINES).filter((line) => line.y >= top - band),
      ...byHeight.slice(-EDGE_LINES).filter((line) => line.y <= bottom + band)
    ]);
  });
  const pagesWithKey = new Map<string, number>();
  for (const edge of edges) {
    for (const key of new Set([...edge].map(runningKey))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const enough = Math.max(2, Math.ceil(pageLines.length / 2));
  for (const edge of edges) {
    for (const line of edge) {
      if (PAGE_NUMBER.test(line.text) || (pagesWithKey.get(runningKey(line)) ?? 0) >= enough) running.add(line);
    }
  }
  return running;
}

const runningKey = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, '#');

interface OpenBlock {
  kind: BlockKind;
  level?: number;
  page: number;
  text: string;
  /** Where the block's first line starts. */
  x: number;
  last: Line;
  /** The right edge of the block's longest line: a line ending well before it is short. */
  right: number;
}

class ParagraphBuilder {
  private readonly bodySize: number;
  /** Baseline distance of consecutive body lines, in font sizes. */
  private readonly lineSpacing: number;
  private readonly headingLevels: Map<number, number>;

  constructor(private readonly lines: readonly Line[]) {
    this.bodySize = dominantFontSize(lines);
    this.lineSpacing = typicalLineSpacing(lines);
    const headingSizes = [...new Set(lines.filter((line) => this.looksLikeHeading(line)).map((line) => line.fontSize))];
    headingSizes.sort((a, b) => b - a);
    this.headingLevels = new Map(headingSizes.map((size, i) => [size, Math.min(i + 1, 6)]));
  }

  build(): BlockDraft[] {
    const drafts: BlockDraft[] = [];
    let block: OpenBlock | null = null;
    for (const [i, line] of this.lines.entries()) {
      const sectionLevel = this.numberedHeadingLevel(i);
      if (block && !sectionLevel && this.continues(block, line)) {
        block.text = joinLines(block.text, line.text);
        block.last = line;
        block.right = Math.max(block.right, line.right);
        continue;
      }
      if (block) drafts.push(draftOf(block));
      const level = this.looksLikeHeading(line) ? this.headingLevels.get(line.fontSize) : sectionLevel;
      block = {
        kind: level ? 'heading' : LIST_MARKER.test(line.text) ? 'list-item' : 'paragraph',
        ...(level ? { level } : {}),
        page: line.page,
        text: line.text,
        x: line.x,
        last: line,
        right: line.right
      };
    }
    if (block) drafts.push(draftOf(block));
    return drafts;
  }

  private looksLikeHeading(line: Line): boolean {
    return line.fontSize >= this.bodySize * HEADING_SCALE && line.text.length <= MAX_HEADING_LENGTH;
  }

  /**
   * A numbered section heading set in the body's size (bold, which the text layer does not say):
   * a short line such as "2. Experimental method" that stands apart from the line above (a wider
   * gap, or the top of a page or column) and is not followed by the next item of a list. Its level
   * comes after the headings found by size, deeper for "2.1" than for "2.".
   */
  private numberedHeadingLevel(i: number): number | undefined {
    const line = this.lines[i];
    const number = NUMBERED_HEADING.exec(line.text)?.[1];
    if (!number || line.text.length > MAX_NUMBERED_HEADING_LENGTH || SENTENCE_END.test(line.text)) return undefined;
    if (this.looksLikeHeading(line)) return undefined;
    const [previous, next] = [this.lines[i - 1], this.lines[i + 1]];
    if (previous && previous.page === line.page && !this.isBreak(previous, line) && !this.looksLikeHeading(previous)) {
      return undefined;
    }
    if (next && next.page === line.page && !this.isBreak(line, next) && LIST_MARKER.test(next.text)) return undefined;
    return Math.min(this.headingLevels.size + number.split('.').length, 6);
  }

  /** A column break or a wider gap than between the lines of a paragraph. */
  private isBreak(previous: Line, line: Line): boolean {
    return startsColumn(previous, line) || this.isWideGap(previous, line);
  }

  private isWideGap(previous: Line, line: Line): boolean {
    return previous.y - line.y > line.fontSize * this.lineSpacing * 1.4;
  }

  private continues(block: OpenBlock, line: Line): boolean {
    const previous = block.last;
    if (Math.abs(previous.fontSize - line.fontSize) > previous.fontSize * 0.1) return false;
    if ((block.kind === 'heading') !== this.looksLikeHeading(line)) return false;
    if (LIST_MARKER.test(line.text)) return false;
    if (line.page !== previous.page || startsColumn(previous, line)) {
      // A paragraph runs on over a page or column break when its sentence does.
      return block.kind === 'paragraph' && !SENTENCE_END.test(block.text);
    }
    if (this.isWideGap(previous, line)) return false;
    const size = line.fontSize;
    if (block.kind === 'heading') return true;
    if (block.kind === 'list-item') {
      // A list item's later lines hang to the right of its marker.
      if (line.x < block.x + size * 0.5) return false;
    } else if (line.x > previous.x + size * 0.8) {
      return false; // a first-line indent starts a paragraph
    }
    // So does the line after a short line that ends a sentence.
    return !(previous.right < block.right - size * 2 && SENTENCE_END.test(previous.text));
  }
}

/** The line starts higher up than the one before it: the top of the next column. */
const startsColumn = (previous: Line, line: Line): boolean => previous.y - line.y < line.fontSize * 0.5;

function draftOf(block: OpenBlock): BlockDraft {
  return { kind: block.kind, text: block.text, page: block.page, ...(block.level ? { level: block.level } : {}) };
}

/** The font size most of the text is set in. */
function dominantFontSize(lines: readonly Line[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(line.fontSize, (characters.get(line.fontSize) ?? 0) + line.text.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characters) {
    if (count > bestCount) [best, bestCount] = [size, count];
  }
  return best;
}

/** The median baseline step between consecutive lines of the same size, in font sizes (1.2 without evidence). */
function typicalLineSpacing(lines: readonly Line[]): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [previous, line] = [lines[i - 1], lines[i]];
    if (previous.page !== line.page || previous.fontSize !== line.fontSize || line.fontSize <= 0) continue;
    const ratio = (previous.y - line.y) / line.fontSize;
    if (ratio > 0.8 && ratio < 3) ratios.push(ratio);
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)];
}

/**
 * Joins a line to the text before it. A word broken by a hyphen at the line end is mended
 * ("recon-" + "struction"); the hyphen stays when the next line starts with a capital or a
 * digit ("Franco-German", "COVID-19"), when the word already has a hyphen ("state-of-the-art"),
 * after a single letter ("e-mail") and after prefixes always written with one ("well-known").
 */
export function joinLines(left: string, right: string): string {
  if (left.endsWith('\u00ad')) return left.slice(0, -1) + right;
  const lastWord = /\S+$/.exec(left)?.[0] ?? '';
  if (/\p{L}[-\u2010]$/u.test(lastWord)) {
    const stem = lastWord.slice(0, -1).replace(/^\P{L}+/u, '');
    const brokenWord =
      /^\p{Ll}/u.test(right) && /^\p{L}{2,}$/u.test(stem) && !HYPHENATED_PREFIXES.has(stem.toLowerCase());
    return brokenWord ? left.slice(0, -1) + right : left + right;
  }
  if (/[\p{L}\d][-\u2010\u2014]$/u.test(lastWord)) return left + right;
  return `${left} ${right}`;
}
