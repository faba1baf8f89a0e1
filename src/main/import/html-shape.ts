/**
 * How many elements a page has and how deep it nests them, read from the markup before it is
 * parsed. The HTML parser behind linkedom keeps its open elements in an array it shifts on every
 * tag, so a page nested 100,000 levels deep takes minutes to parse (and Readability then
 * overflows the call stack); real pages stay below a few hundred levels (Chromium flattens
 * anything below 512) and a few tens of thousands of elements.
 */

/** Elements that never hold others: void elements, and those the parser closes when a sibling opens. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track',
  'wbr', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb',
  'rt', 'rp', 'rtc', 'html', 'head', 'body'
]);

/** Elements whose content is text up to their end tag, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

export interface MarkupShape {
  /** Start tags, one per element. */
  elements: number;
  /** The deepest nesting, following the parser's rule that an end tag closes everything opened after its element. */
  depth: number;
}

/** Reads the markup's shape; stops (with the counts so far) once the nesting passes `depthLimit`. */
export function markupShape(html: string, depthLimit: number): MarkupShape {
  const tag = /<!--|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;
  const open: string[] = [];
  const shape: MarkupShape = { elements: 0, depth: 0 };
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = match[2].toLowerCase();
    if (match[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    shape.elements++;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'ig');
      endTag.lastIndex = tag.lastIndex;
      if (!endTag.exec(html)) break;
      tag.lastIndex = endTag.lastIndex;
    } else if (!NOT_NESTING.has(name)) {
      open.push(name);
      shape.depth = Math.max(shape.depth, open.length);
      if (shape.depth > depthLimit) break;
    }
  }
  return shape;
}
