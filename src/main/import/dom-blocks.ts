/**
 * DOM → blocks, for saved web pages and for the HTML mammoth makes of a Word file. Block-level
 * elements end a block; headings (with their level), list items, block quotes and table rows
 * (cells joined by " | ") get their own kinds. White space collapses as a browser shows it,
 * except inside <pre> and in a Word file's text (see keepWhiteSpace); <br> breaks a line inside
 * its block. The walk uses its own stack, so a
 * deeply nested page cannot overflow the call stack.
 */
import type { BlockKind } from '../../shared/domain';
import type { BlockDraft } from './block-text';
import { type DomElement, type DomNode, TEXT_NODE, isElement, tagOf } from './dom';

export interface BlockWalkOptions {
  /** A kind an element gives its text beyond what its tag says (e.g. footnote list items). */
  kindOf?: (element: DomElement) => BlockKind | undefined;
  /** Elements to leave out, content and all, besides those that are never article text. */
  skip?: (element: DomElement) => boolean;
  /**
   * Keep every space and tab as written, inside lines and at their ends, as Word shows them (a
   * masked name is a run of spaces); only the edges of blocks and table cells are trimmed.
   */
  keepWhiteSpace?: boolean;
}

/** Separates the cells of a table row in the article text. */
export const TABLE_CELL_SEPARATOR = ' | ';

/** Elements whose content is never visible article text: code, styles, embedded content, form controls. */
const NEVER_TEXT = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'map', 'button', 'select', 'textarea', 'input', 'dialog'
]);

const BLOCK_TAGS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'ul'
]);

const HEADING = /^h([1-6])$/;

interface Context {
  kind: BlockKind;
  level?: number;
  /** Inside <pre>, or everywhere with keepWhiteSpace: white space is kept. */
  pre: boolean;
}

type Step = { node: DomNode; context: Context } | { endOfBlock: true };

/** The blocks of the element's content, in document order. */
export function blockDrafts(root: DomElement, options: BlockWalkOptions = {}): BlockDraft[] {
  const drafts: BlockDraft[] = [];
  const run = new TextRun();
  const stack: Step[] = [{ node: root, context: { kind: 'paragraph', pre: options.keepWhiteSpace ?? false } }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ('endOfBlock' in step) {
      run.flushTo(drafts);
      continue;
    }
    const { node, context } = step;
    if (node.nodeType === TEXT_NODE) {
      run.add(node.textContent ?? '', context);
      continue;
    }
    if (!isElement(node) || NEVER_TEXT.has(tagOf(node)) || isHidden(node) || options.skip?.(node)) continue;
    const tag = tagOf(node);
    if (tag === 'br') {
      run.lineBreak(context);
    } else if (tag === 'tr') {
      run.flushTo(drafts);
      const row = tableRowText(node, options);
      if (row) drafts.push({ kind: 'table-row', text: row });
    } else if (BLOCK_TAGS.has(tag)) {
      run.flushTo(drafts);
      stack.push({ endOfBlock: true });
      pushChildren(stack, node, innerContext(node, tag, context, options));
    } else {
      pushChildren(stack, node, context);
    }
  }
  run.flushTo(drafts);
  return drafts;
}

function pushChildren(stack: Step[], element: DomElement, context: Context): void {
  const children = element.childNodes;
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], context });
}

function innerContext(element: DomElement, tag: string, outer: Context, options: BlockWalkOptions): Context {
  const kind = options.kindOf?.(element);
  if (kind) return { kind, pre: outer.pre };
  const heading = HEADING.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]), pre: outer.pre };
  if (tag === 'li') return { kind: 'list-item', pre: outer.pre };
  if (tag === 'blockquote') return { kind: 'quote', pre: outer.pre };
  if (tag === 'pre') return { ...outer, pre: true };
  return outer;
}

/** Hidden by attribute or inline style (Readability drops these too; full-text mode needs it here). */
function isHidden(element: DomElement): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.getAttribute('style') ?? '')
  );
}

/** The row's cells on one line; null when every cell is empty. */
function tableRowText(row: DomElement, options: BlockWalkOptions): string | null {
  const cells: string[] = [];
  for (const child of Array.from(row.childNodes)) {
    if (!isElement(child) || !['td', 'th'].includes(tagOf(child)) || isHidden(child)) continue;
    // A row is one line: line breaks inside a cell become spaces.
    const oneLine = options.keepWhiteSpace ? /\n/g : /\s+/g;
    const parts = blockDrafts(child, options).map((draft) => draft.text.replace(oneLine, ' ').trim());
    cells.push(parts.filter(Boolean).join(' '));
  }
  return cells.some(Boolean) ? cells.join(TABLE_CELL_SEPARATOR) : null;
}

/** The text of the block being read, line by line, with the context of its first piece. */
class TextRun {
  private lines: string[][] = [[]];
  private context: Context | null = null;

  add(text: string, context: Context): void {
    this.context ??= context;
    this.lines[this.lines.length - 1].push(text);
  }

  lineBreak(context: Context): void {
    this.context ??= context;
    this.lines.push([]);
  }

  flushTo(drafts: BlockDraft[]): void {
    const context = this.context;
    if (context) {
      const text = this.lines
        .map((pieces) => {
          const line = pieces.join('');
          // HTML white space (not U+00A0): runs collapse to one space, line edges are trimmed.
          return context.pre ? line : line.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
        })
        .join('\n');
      drafts.push({ kind: context.kind, text, ...(context.level ? { level: context.level } : {}) });
    }
    this.lines = [[]];
    this.context = null;
  }
}
