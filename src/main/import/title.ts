import { findGaps } from '../../shared/gaps';
import { fileStem } from './file-name';

const MAX_TITLE_LENGTH = 200;

/**
 * The first candidate that has any text (whitespace collapsed, cut to 200 code units), else the
 * file name without its extension.
 */
export function pickTitle(candidates: ReadonlyArray<string | null | undefined>, fileName: string): string {
  for (const candidate of candidates) {
    const title = candidate ? readableTitle(candidate) : '';
    if (title) return shortenTitle(title);
  }
  return fileStem(fileName);
}

/** A title line with each masked-name gap shown as "[…]" (collapsing the spaces would join the words around it). */
export function readableTitle(line: string): string {
  let shown = '';
  let at = 0;
  for (const gap of findGaps(line)) {
    shown += `${line.slice(at, gap.start)} […] `;
    at = gap.end;
  }
  return `${shown}${line.slice(at)}`.replace(/\s+/g, ' ').trim();
}

/** Cuts a title to MAX_TITLE_LENGTH code units (ellipsis included) at a word boundary. */
export function shortenTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  let head = title.slice(0, MAX_TITLE_LENGTH - 1);
  if (!/\s/.test(title[head.length])) {
    const lastSpace = head.search(/\s\S*$/);
    if (lastSpace > 0) head = head.slice(0, lastSpace);
  }
  // Never leave half of a surrogate pair behind.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return `${head.trimEnd()}…`;
}
