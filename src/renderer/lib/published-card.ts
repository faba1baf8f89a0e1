/**
 * The review view's card: a claim's published content part by part, in reading order. Every part
 * of the content has an entry here (the mapped type makes a missing one a compile error), so the
 * card shows exactly what a fact sheet shows and an approval signs.
 */
import type { PublishedContent, QuotePart, SheetEvidence, SheetVerdict } from '../../shared/published-content';
import { PUBLISHED_PARTS, publishedPartKeys } from '../../shared/published-content';
import { numericRange, verdictColor } from '../../shared/verdict-colors';
import { formatDate, formatDateTime } from './format';

export type CardValue =
  | { kind: 'text'; text: string }
  | { kind: 'quote'; parts: QuotePart[] }
  | { kind: 'verdict'; verdict: SheetVerdict; color: string }
  | { kind: 'evidence'; items: SheetEvidence[] }
  | { kind: 'none' };

export interface CardPart {
  key: keyof PublishedContent;
  name: string;
  value: CardValue;
  /** Who and when, and the ids a reader checks a sheet against: shown small, below the rest. */
  provenance: boolean;
}

const NONE: CardValue = { kind: 'none' };
const text = (value: string): CardValue => (value.trim() ? { kind: 'text', text: value } : NONE);

const SHOW: { [K in keyof PublishedContent]: (value: PublishedContent[K]) => CardValue } = {
  text,
  quote: (parts) => ({ kind: 'quote', parts }),
  claimant: (claimant) => (claimant ? text(claimant.name) : NONE),
  claimDate: (date) => (date ? text(formatDate(date)) : NONE),
  verdict: (verdict) =>
    verdict ? { kind: 'verdict', verdict, color: verdictColor(verdict.value, numericRange([verdict.worst, verdict.best])) } : NONE,
  explanation: text,
  evidence: (items) => ({ kind: 'evidence', items }),
  checkedBy: text,
  createdAt: (at) => text(formatDateTime(at)),
  id: text,
  articleSha256: text
};

const PROVENANCE = new Set<keyof PublishedContent>(['checkedBy', 'createdAt', 'id', 'articleSha256']);
/** Names a reader of the card's footer expects; the others are the parts' own names. */
const CARD_NAMES: Partial<Record<keyof PublishedContent, string>> = { id: 'claim ID', articleSha256: 'article SHA-256', checkedBy: 'checked by' };

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const partName = (key: keyof PublishedContent) => capitalised(CARD_NAMES[key] ?? PUBLISHED_PARTS[key]);

export const cardValue = <K extends keyof PublishedContent>(content: PublishedContent, key: K): CardValue => SHOW[key](content[key]);

/** Every part of the content, in reading order. */
export function cardParts(content: PublishedContent): CardPart[] {
  return publishedPartKeys().map((key) => ({ key, name: partName(key), value: cardValue(content, key), provenance: PROVENANCE.has(key) }));
}
