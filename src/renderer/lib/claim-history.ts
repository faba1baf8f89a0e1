/** claims.history rows (one per record write) as steps a person reads: one per change group. */
import type { Claim, Evidence, HistoryEntry, Review } from '../../shared/domain';
import { actionTitle } from './action-titles';

export interface HistoryStep {
  groupId: string;
  at: string;
  user: string;
  title: string;
  details: string[];
}

const quoted = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

const CLAIM_FIELDS: { key: keyof Claim; label: string }[] = [
  { key: 'text', label: 'Claim as checked' },
  { key: 'claimantId', label: 'Claimant' },
  { key: 'claimDate', label: 'Claim date' },
  { key: 'explanation', label: 'Explanation' }
];

function claimDetails(before: Claim | null, after: Claim | null): string[] {
  if (!before || !after) return [];
  const details: string[] = [];
  if (before.status !== after.status) details.push(`Status: ${before.status} → ${after.status}`);
  const verdict = (claim: Claim) => claim.verdict?.label ?? 'none';
  if (verdict(before) !== verdict(after)) details.push(`Verdict: ${verdict(before)} → ${verdict(after)}`);
  for (const field of CLAIM_FIELDS) {
    if (before[field.key] !== after[field.key]) details.push(`${field.label} changed`);
  }
  return details;
}

function evidenceDetails(before: Evidence | null, after: Evidence | null): string[] {
  const item = after ?? before;
  if (!item) return [];
  const name = item.title ? `Evidence ${quoted(item.title)}` : 'Untitled evidence';
  if (!before || !after) return [name];
  const changed = (['relation', 'title', 'url', 'archivedUrl', 'publisher', 'accessedAt', 'excerpt', 'note'] as const).filter(
    (key) => before[key] !== after[key]
  );
  return [changed.length ? `${name}: ${changed.join(', ')} changed` : name];
}

function reviewDetails(before: Review | null, after: Review | null): string[] {
  const review = after ?? before;
  if (!review) return [];
  return [...(review.selfReview ? ['self-reviewed'] : []), ...(review.comment ? [quoted(review.comment, 120)] : [])];
}

function detailsOf(entry: HistoryEntry): string[] {
  switch (entry.table) {
    case 'claims':
      return claimDetails(entry.before as Claim | null, entry.after as Claim | null);
    case 'evidence':
      return evidenceDetails(entry.before as Evidence | null, entry.after as Evidence | null);
    case 'reviews':
      return reviewDetails(entry.before as Review | null, entry.after as Review | null);
    default:
      return [];
  }
}

/** Groups the rows (newest first, as claims.history returns them) into one step per change. */
export function historySteps(entries: HistoryEntry[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  const byGroup = new Map<string, HistoryStep>();
  for (const entry of entries) {
    let step = byGroup.get(entry.groupId);
    if (!step) {
      step = { groupId: entry.groupId, at: entry.at, user: entry.user, title: actionTitle(entry.action), details: [] };
      byGroup.set(entry.groupId, step);
      steps.push(step);
    }
    for (const detail of detailsOf(entry)) if (!step.details.includes(detail)) step.details.push(detail);
  }
  return steps;
}
