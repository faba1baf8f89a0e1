/**
 * The fact sheet model (DESIGN §3): everything a sheet shows, built from the library and
 * rendered by the format modules (html, markdown, csv, claimreview). Only verified claims are
 * included; the rest are counted by status.
 */
import type { LeftOutClaims } from '../../shared/api/methods/export';
import type { ClaimStatus, EvidenceRelation, Review, Settings, VerdictScale } from '../../shared/domain';
import { DomainError } from '../errors';
import { listClaims } from '../store/claims';
import { getDocument } from '../store/documents';
import { getEntity } from '../store/entities';
import { listEvidenceOfDocument } from '../store/evidence';
import { listMentions } from '../store/mentions';
import type { Db } from '../store/open';
import { listReviewsOfDocument } from '../store/reviews';
import { getScale } from '../store/scales';
import { recordFingerprint, sheetDigest } from './digest';
import { type QuotePart, quoteParts } from './quote';

export interface FactSheetOptions {
  clock: () => Date;
  appVersion: string;
  settings: Settings;
}

export interface SheetSource {
  fileName: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
}

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

export interface SheetEvidence {
  id: string;
  relation: EvidenceRelation;
  title: string;
  url: string;
  archivedUrl: string;
  publisher: string;
  accessedAt: string;
  excerpt: string;
}

export interface SheetClaim {
  id: string;
  /** Fingerprint of this claim's record as included (see digest.ts); lets verify-sheet name what changed. */
  fingerprint: string;
  /** The claim as checked. */
  text: string;
  /** The article's wording, restored names of masked mentions in brackets. */
  quote: QuotePart[];
  claimant: { id: string; name: string; type: string } | null;
  claimDate: string | null;
  verdict: SheetVerdict | null;
  explanation: string;
  evidence: SheetEvidence[];
  checkedBy: string;
  /** Author of the approving review; null when the library holds none. */
  reviewedBy: string | null;
  selfReviewed: boolean;
  createdAt: string;
  verifiedAt: string | null;
}

export interface VerdictCount {
  label: string;
  value: number | null;
  count: number;
}

export interface FactSheet {
  document: { id: string; title: string; source: SheetSource; articleSha256: string };
  claims: SheetClaim[];
  totalClaims: number;
  leftOut: LeftOutClaims;
  evidenceCount: number;
  distribution: VerdictCount[];
  organisation: string;
  methodology: string;
  corrections: string;
  /** Where the sheet is published (Settings); empty when not set. */
  publishedBaseUrl: string;
  generatedAt: string;
  appVersion: string;
  digest: string;
}

/** Statuses of left-out claims, closest to verified first. */
const LEFT_OUT_ORDER: ClaimStatus[] = ['in review', 'changes requested', 'researching', 'open'];
export const NO_VERDICT = 'No verdict';

export function buildFactSheet(db: Db, documentId: string, options: FactSheetOptions): FactSheet {
  const document = getDocument(db, documentId);
  if (!document) throw new DomainError('not_found', `No document with id ${documentId} in the library.`);
  const allClaims = listClaims(db, documentId);
  const mentions = listMentions(db, documentId);
  const evidenceByClaim = groupBy(listEvidenceOfDocument(db, documentId), (e) => e.claimId);
  const approvals = latestApprovals(listReviewsOfDocument(db, documentId));
  const scale = scaleLookup(db);

  const claims: SheetClaim[] = allClaims
    .filter((claim) => claim.status === 'verified')
    .map((claim) => {
      const claimant = claim.claimantId ? getEntity(db, claim.claimantId) : null;
      const approval = approvals.get(claim.id);
      const record: Omit<SheetClaim, 'fingerprint'> = {
        id: claim.id,
        text: claim.text,
        quote: quoteParts(document.text, claim.start, claim.end, mentions),
        claimant: claimant ? { id: claimant.id, name: claimant.name, type: claimant.type } : null,
        claimDate: claim.claimDate || null,
        verdict: claim.verdict ? sheetVerdict(claim.verdict.label, scale(claim.verdict.scaleId, claim.verdict.scaleVersion), claim.verdict) : null,
        explanation: claim.explanation,
        evidence: (evidenceByClaim.get(claim.id) ?? []).map((e) => ({
          id: e.id,
          relation: e.relation,
          title: e.title,
          url: e.url,
          archivedUrl: e.archivedUrl,
          publisher: e.publisher,
          accessedAt: e.accessedAt,
          excerpt: e.excerpt
        })),
        checkedBy: claim.author,
        reviewedBy: approval?.author ?? null,
        selfReviewed: approval?.selfReview ?? false,
        createdAt: claim.createdAt,
        verifiedAt: approval?.createdAt ?? null
      };
      return { ...record, fingerprint: recordFingerprint(record) };
    });

  const source = document.source;
  const sheetDocument = {
    id: document.id,
    title: document.title,
    source: {
      fileName: source.fileName,
      url: source.url || null,
      publisher: source.publisher || null,
      author: source.author || null,
      publishedAt: source.publishedAt || null
    }
  };
  return {
    document: { ...sheetDocument, articleSha256: document.sha256 },
    claims,
    totalClaims: allClaims.length,
    leftOut: leftOutOf(allClaims.map((c) => c.status)),
    evidenceCount: claims.reduce((sum, claim) => sum + claim.evidence.length, 0),
    distribution: distributionOf(claims, scale),
    organisation: options.settings.organisation.trim(),
    methodology: options.settings.methodology.trim(),
    corrections: options.settings.corrections.trim(),
    publishedBaseUrl: options.settings.publishedBaseUrl.trim(),
    generatedAt: options.clock().toISOString(),
    appVersion: options.appVersion,
    digest: sheetDigest(document.text, digestRecords(sheetDocument, claims))
  };
}

/** What the digest covers besides the article text: the document record and each included claim as shown. */
export function digestRecords(document: Pick<FactSheet['document'], 'id' | 'title' | 'source'>, claims: SheetClaim[]) {
  return {
    document: { id: document.id, title: document.title, source: document.source },
    claims: claims.map(({ fingerprint: _fingerprint, ...record }) => record)
  };
}

type ScaleLookup = (id: string, version: number) => VerdictScale | null;

function scaleLookup(db: Db): ScaleLookup {
  const cache = new Map<string, VerdictScale | null>();
  return (id, version) => {
    const key = `${id}\u0000${version}`;
    if (!cache.has(key)) cache.set(key, getScale(db, id, version));
    return cache.get(key)!;
  };
}

function sheetVerdict(
  label: string,
  scale: VerdictScale | null,
  recorded: { scaleId: string; scaleVersion: number }
): SheetVerdict {
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

/** Each claim's latest approving review: the one that made it verified. */
function latestApprovals(reviews: Review[]): Map<string, Review> {
  const approvals = new Map<string, Review>();
  for (const review of reviews) if (review.decision === 'approve') approvals.set(review.claimId, review);
  return approvals;
}

function leftOutOf(statuses: ClaimStatus[]): LeftOutClaims {
  const byStatus = LEFT_OUT_ORDER.map((status) => ({ status, count: statuses.filter((s) => s === status).length })).filter(
    (entry) => entry.count > 0
  );
  const count = byStatus.reduce((sum, entry) => sum + entry.count, 0);
  let note: string;
  if (statuses.length === 0) note = 'No claims have been marked in this article.';
  else if (count === 0) {
    note = statuses.length === 1 ? 'None left out: the only claim is verified.' : `None left out: all ${statuses.length} claims are verified.`;
  }
  else note = `${plural(count, 'claim')} not verified: ${byStatus.map((e) => `${e.count} ${e.status}`).join(', ')}.`;
  return { count, byStatus, note };
}

/** Claims per verdict label, in the order of the scales the included verdicts were given on. */
function distributionOf(claims: SheetClaim[], scale: ScaleLookup): VerdictCount[] {
  const rows = new Map<string, VerdictCount>();
  for (const claim of claims) {
    if (!claim.verdict) continue;
    for (const { label, value } of scale(claim.verdict.scaleId, claim.verdict.scaleVersion)?.labels ?? []) {
      if (!rows.has(label)) rows.set(label, { label, value, count: 0 });
    }
  }
  for (const claim of claims) {
    const label = claim.verdict?.label ?? NO_VERDICT;
    const row = rows.get(label) ?? { label, value: claim.verdict?.value ?? null, count: 0 };
    row.count += 1;
    rows.set(label, row);
  }
  return [...rows.values()];
}

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
