/**
 * The fact sheet model: everything a sheet shows, built from the library and rendered by the
 * format modules (html, markdown, csv, claimreview). Only verified claims that no open merge
 * conflict touches are included, each with its published content and the signed approval of
 * exactly that content; the rest are counted by status and the held-back ones named.
 */
import type { LeftOutClaims } from '../../shared/api/methods/export';
import type { Claim, ClaimStatus, Review, Settings } from '../../shared/domain';
import { DomainError } from '../errors';
import { listConflicts } from '../exchange/conflict-store';
import { keyFingerprint, shortFingerprint } from '../identity/signature';
import { listClaims } from '../store/claims';
import { getDocument } from '../store/documents';
import type { Db } from '../store/open';
import { listEvidenceOfDocument } from '../store/evidence';
import { listMentions } from '../store/mentions';
import { type PublishedContent, type ScaleLookup, scaleLookup } from '../workflow/published-content';
import { verifyClaims } from '../workflow/verification';
import { claimsInConflict } from './conflicted-claims';
import { recordFingerprint, sheetDigest } from './digest';
import { preview } from './sheet-text';

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

export type { SheetEvidence, SheetVerdict } from '../workflow/published-content';

/** What verify-sheet needs to check an approval without the library: the signed review and the content it signed. */
export interface SignedApproval {
  reviewer: string;
  at: string;
  comment: string;
  selfReview: boolean;
  /** Canonical JSON of the published content the reviewer approved. */
  content: string;
  contentHash: string;
  publicKey: string;
  signature: string;
}

export interface SheetClaim extends Omit<PublishedContent, 'articleSha256'> {
  /** Fingerprint of this claim's record as included (see digest.ts); lets verify-sheet name what changed. */
  fingerprint: string;
  reviewedBy: string;
  /** Short fingerprint of the reviewer's key. */
  reviewerKey: string;
  selfReviewed: boolean;
  verifiedAt: string;
  approval: SignedApproval;
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
  const verified = verifyClaims(db, documentId, listClaims(db, documentId));
  const allClaims = verified.map((v) => v.claim);
  const evidence = listEvidenceOfDocument(db, documentId);
  const mentions = listMentions(db, documentId);
  const scale = scaleLookup(db);
  const conflicted = claimsInConflict(listConflicts(db, documentId), { claims: allClaims, evidence, mentions });
  const heldBack = allClaims.filter((claim) => claim.status === 'verified' && conflicted.has(claim.id));

  const claims: SheetClaim[] = verified.flatMap(({ claim, approval, content }) =>
    approval && !conflicted.has(claim.id) ? [sheetClaim(content, approval)] : []
  );

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
    leftOut: leftOutOf(allClaims.map((c) => c.status), heldBack),
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

/** A verified claim as the sheet shows it: its published content and the approval of exactly that content. */
export function sheetClaim(content: PublishedContent, approval: Review): SheetClaim {
  const { articleSha256: _article, ...shown } = content;
  const record: Omit<SheetClaim, 'fingerprint'> = {
    ...shown,
    reviewedBy: approval.author,
    reviewerKey: shortFingerprint(keyFingerprint(approval.publicKey!)),
    selfReviewed: approval.selfReview,
    verifiedAt: approval.createdAt,
    approval: {
      reviewer: approval.author,
      at: approval.createdAt,
      comment: approval.comment,
      selfReview: approval.selfReview,
      content: approval.content!,
      contentHash: approval.contentHash!,
      publicKey: approval.publicKey!,
      signature: approval.signature!
    }
  };
  return { ...record, fingerprint: recordFingerprint(record) };
}

function leftOutOf(statuses: ClaimStatus[], heldBack: Claim[]): LeftOutClaims {
  const byStatus = LEFT_OUT_ORDER.map((status) => ({ status, count: statuses.filter((s) => s === status).length })).filter(
    (entry) => entry.count > 0
  );
  const unverified = byStatus.reduce((sum, entry) => sum + entry.count, 0);
  const count = unverified + heldBack.length;
  const notes: string[] = [];
  if (statuses.length === 0) notes.push('No claims have been marked in this article.');
  else if (count === 0) {
    notes.push(statuses.length === 1 ? 'None left out: the only claim is verified.' : `None left out: all ${statuses.length} claims are verified.`);
  }
  if (unverified > 0) notes.push(`${plural(unverified, 'claim')} not verified: ${byStatus.map((e) => `${e.count} ${e.status}`).join(', ')}.`);
  if (heldBack.length > 0) {
    const which = heldBack.map((claim) => `"${preview(claim.text, 60)}"`).join(', ');
    notes.push(`${plural(heldBack.length, 'verified claim')} held back until open merge conflicts are resolved: ${which}.`);
  }
  return { count, byStatus, inConflict: heldBack.map((claim) => ({ id: claim.id, text: claim.text })), note: notes.join(' ') };
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
