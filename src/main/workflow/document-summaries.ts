/** Document summaries with their verified-of-total count, derived from signed approvals. */
import type { DocumentSummary } from '../../shared/domain';
import { getClaim } from '../store/claims';
import { type StoredSummary, getDocumentSummary, listDocuments } from '../store/documents';
import type { Db } from '../store/open';
import { claimIdsWithDecisions } from '../store/reviews';
import { verifyClaims } from './verification';

/** Verified claims are stored "in review" (or "changes requested"): they move out of those counts. */
function counted(db: Db, summary: StoredSummary): DocumentSummary {
  const reviewed = claimIdsWithDecisions(db, summary.id).map((id) => getClaim(db, id)!);
  const verified = verifyClaims(db, summary.id, reviewed).filter((v) => v.approval);
  const verifiedFrom = (status: string) => verified.filter((v) => reviewed.find((c) => c.id === v.claim.id)!.status === status).length;
  return {
    ...summary,
    verifiedCount: verified.length,
    inReviewCount: summary.inReviewCount - verifiedFrom('in review'),
    changesRequestedCount: summary.changesRequestedCount - verifiedFrom('changes requested')
  };
}

/** The library (trash: false) or the trash (trash: true), newest first. */
export const documentSummaries = (db: Db, trash = false): DocumentSummary[] => listDocuments(db, trash).map((s) => counted(db, s));

export function documentSummary(db: Db, id: string): DocumentSummary | null {
  const summary = getDocumentSummary(db, id);
  return summary && counted(db, summary);
}
