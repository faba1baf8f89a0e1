/**
 * A verified claim's fact-sheet entry can change without an edit to the claim itself: its claimant
 * is renamed, merged or split off, or a masked name inside its span is restored differently. Such
 * claims go back to review in the same change group as the change (see touchClaim).
 */
import type { Mention } from '../../../shared/domain';
import { getClaim } from '../../store/claims';
import type { ChangeGroup } from '../../store/history';
import { statement } from '../../store/statements';
import { touchClaim } from './claims';

function reviewAgain(group: ChangeGroup, claimIds: string[], patch: Record<string, string | null> = {}) {
  for (const id of claimIds) touchClaim(group, getClaim(group.db, id)!, patch);
}

/** Verified claims attributed to `entityId`, after its name changed. */
export function reviewClaimsOfClaimant(group: ChangeGroup, entityId: string): void {
  const ids = statement(group.db, `SELECT id FROM claims WHERE claimant_id = ? AND status = 'verified'`).pluck().all(entityId) as string[];
  reviewAgain(group, ids);
}

/** Gives claims another claimant (entity merge or split); the verified ones go back to review. */
export function reattributeClaims(group: ChangeGroup, claimIds: string[], claimantId: string): void {
  reviewAgain(group, claimIds, { claimant_id: claimantId });
}

/** Verified claims whose span holds a masked-name gap whose restoration changed. */
export function reviewClaimsAroundGap(group: ChangeGroup, gap: Pick<Mention, 'documentId' | 'start' | 'end'>): void {
  const ids = statement(
    group.db,
    `SELECT id FROM claims WHERE document_id = ? AND start <= ? AND "end" >= ? AND status = 'verified'`
  )
    .pluck()
    .all(gap.documentId, gap.start, gap.end) as string[];
  reviewAgain(group, ids);
}
