/**
 * A claim's published content, read from the store (what it holds is defined in
 * src/shared/published-content.ts), its hash, and what changed between two versions of it.
 */
import type { Claim, VerdictScale } from '../../shared/domain';
import { distinctPeople, peopleLine, personKey } from '../../shared/person-name';
import { type PublishedContent, type SheetEvidence, type SheetVerdict, PUBLISHED_PARTS, publishedPartKeys } from '../../shared/published-content';
import { canonicalJson } from '../export/canonical-json';
import { quoteParts } from '../export/quote';
import { sha256Hex } from '../import/hash';
import { getDocument } from '../store/documents';
import { getEntity } from '../store/entities';
import { listEvidenceOfDocument } from '../store/evidence';
import { listRestoredGaps } from '../store/mentions';
import type { Db } from '../store/open';
import { getScale } from '../store/scales';

export type { PublishedContent, SheetEvidence, SheetVerdict };

/** SHA-256 (lower-case hex) of the canonical JSON of a claim's published content. */
export const contentHash = (content: PublishedContent): string => sha256Hex(canonicalJson(content));

/**
 * The people who checked a claim: its checker, then everyone else who changed its checked content
 * in alphabetical order, so that libraries that received the changes in another order agree.
 */
export function claimCheckers(claim: Claim, editors: Map<string, string[]>): string[] {
  const changedBy = editors.get(claim.id);
  if (!changedBy) return [claim.author];
  const [checker, ...others] = distinctPeople([claim.author, ...changedBy]);
  return [checker!, ...others.sort((a, b) => (personKey(a) < personKey(b) ? -1 : 1))];
}

/** The published content of the given claims of one document, by claim id; `editors` are their contentEditors. */
export function publishedContents(
  db: Db,
  documentId: string,
  claims: readonly Claim[],
  editors: Map<string, string[]>
): Map<string, PublishedContent> {
  const document = getDocument(db, documentId);
  const contents = new Map<string, PublishedContent>();
  if (!document || claims.length === 0) return contents;
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
  for (const claim of claims) {
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
      checkedBy: peopleLine(claimCheckers(claim, editors)),
      createdAt: claim.createdAt
    });
  }
  return contents;
}

/** The parts that differ between two versions of a claim's content, in reading order. */
export function changedKeys(before: PublishedContent, after: PublishedContent): (keyof PublishedContent)[] {
  return publishedPartKeys().filter((key) => canonicalJson(before[key] ?? null) !== canonicalJson(after[key] ?? null));
}

/** The parts that differ between approved and current content, named for a reader. */
export const changedParts = (approved: PublishedContent, current: PublishedContent): string[] =>
  changedKeys(approved, current).map((key) => PUBLISHED_PARTS[key]);

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
