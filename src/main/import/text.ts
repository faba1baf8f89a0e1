/**
 * Plain-text and Markdown articles. The article text is the decoded file, unchanged (markdown
 * syntax included); blocks only index into it. Block spans cover whole lines, without the
 * newline that ends the last one; blank and whitespace-only lines belong to no block.
 */
import type { Block, BlockKind, ImportedArticle } from '../../shared/domain';
import { ok, type Result } from '../../shared/result';
import { decodeArticleBytes } from './decode';
import { fileExtension, fileStem } from './file-name';
import { readableTitle, shortenTitle } from './title';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/** Imports a .txt (paragraphs) or .md/.markdown (headings, list items, quotes, paragraphs) file. */
export function importTextFile(fileName: string, bytes: Uint8Array): Result<ImportedArticle> {
  const decoded = decodeArticleBytes(fileName, bytes);
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  const markdown = MARKDOWN_EXTENSIONS.has(fileExtension(fileName));
  const blocks = markdown ? markdownBlocks(text) : paragraphBlocks(text);
  return ok({
    title: articleTitle(text, blocks, markdown) ?? fileStem(fileName),
    text,
    blocks,
    source: { fileName },
    format: markdown ? 'md' : 'txt'
  });
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const lineText of text.split('\n')) {
    lines.push({ start, end: start + lineText.length, text: lineText });
    start += lineText.length + 1;
  }
  return lines;
}

const isBlank = (line: Line): boolean => line.text.trim() === '';

/** Collects blocks: open one, extend it line by line, close it at a separator or a new block. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  private open: Block | null = null;

  get current(): Block | null {
    return this.open;
  }

  start(kind: BlockKind, line: Line, level?: number): void {
    this.close();
    this.open = { start: line.start, end: line.end, kind, index: this.blocks.length, ...(level ? { level } : {}) };
  }

  extend(line: Line): void {
    if (this.open) this.open.end = line.end;
  }

  close(): void {
    if (this.open) this.blocks.push(this.open);
    this.open = null;
  }
}

function paragraphBlocks(text: string): Block[] {
  const builder = new BlockBuilder();
  for (const line of splitLines(text)) {
    if (isBlank(line)) builder.close();
    else if (builder.current) builder.extend(line);
    else builder.start('paragraph', line);
  }
  builder.close();
  return builder.blocks;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const QUOTE = /^ {0,3}>/;

/**
 * A line-based reading of Markdown: ATX and setext headings, list items (with their
 * continuation lines), block quotes and paragraphs. Thematic breaks separate blocks.
 */
function markdownBlocks(text: string): Block[] {
  const builder = new BlockBuilder();
  for (const line of splitLines(text)) {
    const current = builder.current;
    const setext = current?.kind === 'paragraph' ? SETEXT_UNDERLINE.exec(line.text) : null;
    const atx = ATX_HEADING.exec(line.text);
    if (isBlank(line)) {
      builder.close();
    } else if (current && setext) {
      current.kind = 'heading';
      current.level = setext[1].startsWith('=') ? 1 : 2;
      builder.extend(line);
      builder.close();
    } else if (THEMATIC_BREAK.test(line.text)) {
      builder.close();
    } else if (atx) {
      builder.start('heading', line, atx[1].length);
      builder.close();
    } else if (LIST_ITEM.test(line.text)) {
      builder.start('list-item', line);
    } else if (QUOTE.test(line.text)) {
      if (current?.kind === 'quote') builder.extend(line);
      else builder.start('quote', line);
    } else if (current) {
      builder.extend(line); // continuation of a paragraph, list item or (lazily) a quote
    } else {
      builder.start('paragraph', line);
    }
  }
  builder.close();
  return builder.blocks;
}

/** The first non-empty heading's text for Markdown, else the first line of the first block. */
function articleTitle(text: string, blocks: Block[], markdown: boolean): string | null {
  const headings = markdown
    ? blocks.filter((block) => block.kind === 'heading').map((block) => headingText(text.slice(block.start, block.end)))
    : [];
  const candidate = headings.find((heading) => heading !== '') ?? firstLine(text, blocks[0]);
  return candidate ? shortenTitle(candidate) : null;
}

function headingText(source: string): string {
  if (ATX_HEADING.test(source)) {
    return source
      .replace(/^ {0,3}#{1,6}/, '')
      .replace(/(?:^|[ \t])#+[ \t]*$/, '')
      .trim();
  }
  // Setext: every line but the underline, joined.
  return source
    .split('\n')
    .slice(0, -1)
    .map((line) => line.trim())
    .join(' ');
}

function firstLine(text: string, block: Block | undefined): string {
  return block ? readableTitle(text.slice(block.start, block.end).split('\n')[0]) : '';
}
