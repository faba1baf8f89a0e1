/**
 * A claim's published content: everything a fact sheet shows for it. Approval records its hash,
 * the verified check compares against it, the fact sheet prints it, the review view shows it, and
 * verify-sheet recomputes it, so this is the one place that says what it holds.
 */
import type { Evidence } from './domain';

/** A piece of a claim's article quote: article text, or the restored name of a masked mention. */
export type QuotePart = { kind: 'text'; text: string } | { kind: 'restored'; text: string };

export interface SheetVerdict {
  label: string;
  /** The label's number on its scale; null for labels off the numeric scale. */
  value: number | null;
  scaleId: string;
  scaleName: string;
  scaleVersion: number;
  /** Highest and lowest number of the scale version (null when it has none). */
  best: number | null;
  worst: number | null;
}

/** An evidence item as a fact sheet shows it (its internal note is not shown). */
export type SheetEvidence = Pick<Evidence, 'id' | 'relation' | 'title' | 'url' | 'archivedUrl' | 'publisher' | 'accessedAt' | 'excerpt'>;

export interface PublishedContent {
  id: string;
  /** SHA-256 of the article text the quote is taken from. */
  articleSha256: string;
  /** The claim as checked. */
  text: string;
  /** The article's wording, restored names of masked mentions in brackets. */
  quote: QuotePart[];
  claimant: { id: string; name: string; type: string } | null;
  claimDate: string | null;
  verdict: SheetVerdict | null;
  explanation: string;
  /** In the claim's evidence order. */
  evidence: SheetEvidence[];
  checkedBy: string;
  createdAt: string;
}

/** Every part of the published content, in reading order, with what a reader calls it ("the explanation changed"). */
export const PUBLISHED_PARTS: Record<keyof PublishedContent, string> = {
  text: 'claim as checked',
  quote: 'quoted text',
  claimant: 'claimant',
  claimDate: 'claim date',
  verdict: 'verdict',
  explanation: 'explanation',
  evidence: 'evidence',
  checkedBy: 'checker',
  createdAt: 'creation date',
  id: 'claim',
  articleSha256: 'article text'
};

export const publishedPartKeys = () => Object.keys(PUBLISHED_PARTS) as (keyof PublishedContent)[];
