/**
 * A DOM for importers (HTML pages, mammoth's HTML for DOCX) from linkedom: it parses markup into
 * a tree and nothing else: no script runs, no resource (image, style sheet, frame) is loaded.
 * The node side has no DOM typings, so the few members the importers use are typed here.
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  prepend(...nodes: string[]): void;
  remove(): void;
}

export interface DomDocument {
  readonly title: string;
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export function parseDom(html: string): DomDocument {
  return (parseHTML(html) as { document: DomDocument }).document;
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE;

/** The element's tag name in lower case (Readability creates "DIV" elements, linkedom keeps the case). */
export const tagOf = (element: DomElement): string => element.localName.toLowerCase();
