/** claims.history rows (one per record write) as steps a person reads: one per change group. */
import type { Claim, Evidence, HistoryEntry, Review, SignatureCheck } from '../../shared/domain';
import { actionName } from './action-names';
import { fieldName } from './field-names';

export interface HistoryStep {
  groupId: string;
  at: string;
  /** Who did it: for work received in a shared file, the colleague who did it there. */
  user: string;
  title: string;
  /**
   * For work received in a shared file: the file and who opened it here; for a received review,
   * whether its signature is valid ("signature valid", "signature not valid: …"), else null.
   */
  received: { fileName: string; openedBy: string; signature: string | null } | null;
  details: string[];
}

/** A received review's signature check, as the history says it. */
function signatureNote(check: SignatureCheck, reviewer: string): string {
  switch (check) {
    case 'valid':
      return 'signature valid';
    case 'unsigned':
      return 'signature not valid: the review is not signed';
    case 'unknown key':
      return `signature not valid: this library does not trust ${reviewer}'s key yet`;
    case 'key changed':
      return `signature not valid: signed with another key than the one this library trusts for ${reviewer}`;
    case 'bad signature':
      return 'signature not valid: the review was altered after it was signed';
  }
}

/** The open group's rows show what the sender did; a review names its own author. */
function actorOf(entry: HistoryEntry): string {
  if (!entry.receivedFrom) return entry.user;
  const review = (entry.after ?? entry.before) as Review | null;
  return entry.table === 'reviews' && review?.author ? review.author : entry.receivedFrom.sender;
}

/** Received rows are named by what they did to the record, as the sender's own action would be. */
function stepTitle(entry: HistoryEntry): string {
  if (!entry.receivedFrom) return actionName(entry.action);
  const review = entry.table === 'reviews' ? (entry.after as Review | null) : null;
  if (review) return actionName(`reviews.${review.decision}`);
  return actionName(`${entry.table}.${entry.before === null ? 'create' : entry.after === null ? 'delete' : 'update'}`);
}

const quoted = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

/** Fields shown old → new; the claimant is an entity id, so only named as changed. */
const CLAIM_TEXT_FIELDS: { key: 'text' | 'claimDate' | 'explanation'; label: string }[] = [
  { key: 'text', label: 'Claim as checked' },
  { key: 'claimDate', label: 'Claim date' },
  { key: 'explanation', label: 'Explanation' }
];

const shown = (value: string | null) => (value ? quoted(value) : 'empty');

function claimDetails(before: Claim | null, after: Claim | null): string[] {
  if (!before || !after) return [];
  const details: string[] = [];
  if (before.status !== after.status) details.push(`Status: ${before.status} → ${after.status}`);
  const verdict = (claim: Claim) => claim.verdict?.label ?? 'none';
  if (verdict(before) !== verdict(after)) details.push(`Verdict: ${verdict(before)} → ${verdict(after)}`);
  for (const field of CLAIM_TEXT_FIELDS) {
    if (before[field.key] !== after[field.key]) details.push(`${field.label}: ${shown(before[field.key])} → ${shown(after[field.key])}`);
  }
  if (before.claimantId !== after.claimantId) details.push('Claimant changed');
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
  return [changed.length ? `${name}: ${changed.map(fieldName).join(', ')} changed` : name];
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

/** Groups the rows (newest first, as claims.history returns them) into one step per change and actor. */
export function historySteps(entries: HistoryEntry[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  const byKey = new Map<string, HistoryStep>();
  for (const entry of entries) {
    const user = actorOf(entry);
    const title = stepTitle(entry);
    const key = `${entry.groupId}\u0000${user}\u0000${title}`;
    let step = byKey.get(key);
    if (!step) {
      const signature = entry.signature ? signatureNote(entry.signature, user) : null;
      const received = entry.receivedFrom && { fileName: entry.receivedFrom.fileName, openedBy: entry.user, signature };
      step = { groupId: key, at: entry.at, user, title, received, details: [] };
      byKey.set(key, step);
      steps.push(step);
    }
    for (const detail of detailsOf(entry)) if (!step.details.includes(detail)) step.details.push(detail);
  }
  return steps;
}
