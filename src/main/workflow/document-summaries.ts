/** Document summaries with their verified-of-total count, derived from signed approvals. */
import type { DocumentSummary } from '../../shared/domain';
import { getClaim } from '../store/claims';
import { type StoredSummary, getDocumentSummary, listDocuments } from '../store/documents';
import type { Db } from '../store/open';
import { claimIdsWithDecisions } from '../store/reviews';
import { verifiedCount } from './verification';

function counted(db: Db, summary: StoredSummary): DocumentSummary {
  const reviewed = claimIdsWithDecisions(db, summary.id).map((id) => getClaim(db, id)!);
  return { ...summary, verifiedCount: verifiedCount(db, summary.id, reviewed) };
}

/** The library (trash: false) or the trash (trash: true), newest first. */
export const documentSummaries = (db: Db, trash = false): DocumentSummary[] => listDocuments(db, trash).map((s) => counted(db, s));

export function documentSummary(db: Db, id: string): DocumentSummary | null {
  const summary = getDocumentSummary(db, id);
  return summary && counted(db, summary);
}
