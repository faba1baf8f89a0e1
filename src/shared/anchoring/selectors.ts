/** W3C Web Annotation text selectors (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
import type { TextQuote } from '../text/spans';
import type { CodePointIndex } from './code-points';

export interface TextQuoteSelector extends TextQuote {
  type: 'TextQuoteSelector';
}

/** Start and end in Unicode code points, as the W3C model defines them. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What Factdesk writes for every annotation: the quote with its context, then the position. */
export type TextSelectors = [TextQuoteSelector, TextPositionSelector];

/** The selectors of a stored span (UTF-16 offsets into `index.text`, quote as stored). */
export function selectorsOf(index: CodePointIndex, quote: TextQuote, start: number, end: number): TextSelectors {
  return [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    { type: 'TextPositionSelector', start: index.toCodePoints(start), end: index.toCodePoints(end) }
  ];
}
