/**
 * A claim's published content: everything a fact sheet shows for it. Approval records its hash,
 * the verified check compares against it, the fact sheet prints it and verify-sheet recomputes it,
 * so this is the one place that says what it holds.
 */
import type { Claim, Evidence, VerdictScale } from '../../shared/domain';
import { canonicalJson } from '../export/canonical-json';
import { type QuotePart, quoteParts } from '../export/quote';
import { sha256Hex } from '../import/hash';
import { listClaims } from '../store/claims';
import { getDocument } from '../store/documents';
import { getEntity } from '../store/entities';
import { listEvidenceOfDocument } from '../store/evidence';
import { listRestoredGaps } from '../store/mentions';
import type { Db } from '../store/open';
import { getScale } from '../store/scales';

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

/** SHA-256 (lower-case hex) of the canonical JSON of a claim's published content. */
export const contentHash = (content: PublishedContent): string => sha256Hex(canonicalJson(content));

/** The published content of the given claims of one document (all of them when omitted), by claim id. */
export function publishedContents(db: Db, documentId: string, claims?: readonly Claim[]): Map<string, PublishedContent> {
  const document = getDocument(db, documentId);
  const contents = new Map<string, PublishedContent>();
  if (!document) return contents;
  const wanted = claims ?? listClaims(db, documentId);
  if (wanted.length === 0) return contents;
  const gaps = listRestoredGaps(db, documentId);
  const evidence = new Map<string, SheetEvidence[]>();
  for (const e of listEvidenceOfDocument(db, documentId)) {
    const list = evidence.get(e.claimId) ?? [];
    list.push({
      id: e.id,
      relation: e.relation,
      title: e.title,
      url: e.url,
      archivedUrl: e.archivedUrl,
      publisher: e.publisher,
      accessedAt: e.accessedAt,
      excerpt: e.excerpt
    });
    evidence.set(e.claimId, list);
  }
  const scale = scaleLookup(db);
  for (const claim of wanted) {
    const claimant = claim.claimantId ? getEntity(db, claim.claimantId) : null;
    contents.set(claim.id, {
      id: claim.id,
      articleSha256: document.sha256,
      text: claim.text,
      quote: quoteParts(document.text, claim.start, claim.end, gaps),
      claimant: claimant ? { id: claimant.id, name: claimant.name, type: claimant.type } : null,
      claimDate: claim.claimDate || null,
      verdict: claim.verdict ? sheetVerdict(claim.verdict.label, scale(claim.verdict.scaleId, claim.verdict.scaleVersion), claim.verdict) : null,
      explanation: claim.explanation,
      evidence: evidence.get(claim.id) ?? [],
      checkedBy: claim.author,
      createdAt: claim.createdAt
    });
  }
  return contents;
}

/** What a reader would call each part of the content, for "the explanation changed" notices. */
const PART_NAMES: Record<keyof PublishedContent, string> = {
  id: 'claim',
  articleSha256: 'article text',
  text: 'claim as checked',
  quote: 'quoted text',
  claimant: 'claimant',
  claimDate: 'claim date',
  verdict: 'verdict',
  explanation: 'explanation',
  evidence: 'evidence',
  checkedBy: 'checker',
  createdAt: 'creation date'
};

/** The parts that differ between approved and current content, named for a reader. */
export function changedParts(approved: PublishedContent, current: PublishedContent): string[] {
  return (Object.keys(PART_NAMES) as (keyof PublishedContent)[])
    .filter((key) => canonicalJson(approved[key] ?? null) !== canonicalJson(current[key] ?? null))
    .map((key) => PART_NAMES[key]);
}

export type ScaleLookup = (id: string, version: number) => VerdictScale | null;

export function scaleLookup(db: Db): ScaleLookup {
  const cache = new Map<string, VerdictScale | null>();
  return (id, version) => {
    const key = `${id}\u0000${version}`;
    if (!cache.has(key)) cache.set(key, getScale(db, id, version));
    return cache.get(key)!;
  };
}

function sheetVerdict(label: string, scale: VerdictScale | null, recorded: { scaleId: string; scaleVersion: number }): SheetVerdict {
  const numbers = (scale?.labels ?? []).map((l) => l.value).filter((v): v is number => v !== null);
  return {
    label,
    value: scale?.labels.find((l) => l.label === label)?.value ?? null,
    scaleId: recorded.scaleId,
    scaleName: scale?.name ?? recorded.scaleId,
    scaleVersion: recorded.scaleVersion,
    best: numbers.length ? Math.max(...numbers) : null,
    worst: numbers.length ? Math.min(...numbers) : null
  };
}
