/**
 * Claims an open merge conflict touches: a conflict on the claim itself, on its evidence or
 * reviews, on its claimant, or on a mention inside its span (a restored masked name). Such a
 * claim shows content nobody has settled yet, so no fact sheet publishes it until it is resolved.
 */
import type { Claim, Evidence, Mention } from '../../shared/domain';
import type { StoredConflict } from '../exchange/conflict-store';

interface Parts {
  claims: Claim[];
  evidence: Evidence[];
  mentions: Mention[];
}

/** The claim a side of a conflict names: a child's own claimId, or that of a whole-record side's content. */
function claimIdOfSide(side: unknown): string | null {
  const record = side as { claimId?: unknown; content?: { claimId?: unknown } } | null;
  const claimId = record?.content?.claimId ?? record?.claimId;
  return typeof claimId === 'string' ? claimId : null;
}

/** Ids of the claims that open conflicts touch. */
export function claimsInConflict(conflicts: StoredConflict[], { claims, evidence, mentions }: Parts): Set<string> {
  const touched = new Set<string>();
  const evidenceClaim = new Map(evidence.map((e) => [e.id, e.claimId]));
  const mentionById = new Map(mentions.map((m) => [m.id, m]));
  for (const conflict of conflicts) {
    switch (conflict.kind) {
      case 'claim':
        touched.add(conflict.recordId);
        break;
      case 'evidence':
      case 'review': {
        const claimId = evidenceClaim.get(conflict.recordId) ?? claimIdOfSide(conflict.mine) ?? claimIdOfSide(conflict.theirs);
        if (claimId) touched.add(claimId);
        break;
      }
      case 'entity':
        for (const claim of claims) if (claim.claimantId === conflict.recordId) touched.add(claim.id);
        break;
      case 'mention': {
        const mention = mentionById.get(conflict.recordId);
        if (!mention) break;
        for (const claim of claims) if (mention.start >= claim.start && mention.end <= claim.end) touched.add(claim.id);
        break;
      }
    }
  }
  return touched;
}
