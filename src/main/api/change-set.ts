import type { ChangeSet, RecordChanges } from '../../shared/api/changes';
import type { Claim } from '../../shared/domain';
import { type ClaimRow, getClaim, toClaim } from '../store/claims';
import { type EntityRow, getEntity, toEntity } from '../store/entities';
import { type EvidenceRow, toEvidence } from '../store/evidence';
import { type ChangeGroup, undoState } from '../store/history';
import { type MentionRow, toMention } from '../store/mentions';
import type { Db } from '../store/open';
import { type ReviewRow, claimIdsWithDecisions, toReview } from '../store/reviews';
import { derivedClaims } from '../workflow/verification';

const empty = <T>(): RecordChanges<T> => ({ upsert: [], remove: [] });

/** Turns the rows a change group touched into the domain records a client applies. */
export function changeSetOf(db: Db, group: ChangeGroup, createdId: string | null = null): ChangeSet {
  const documentId = group.meta.documentId;
  const set: ChangeSet = {
    documentId,
    createdId,
    mentions: empty(),
    claims: empty(),
    evidence: empty(),
    reviews: empty(),
    entities: empty(),
    undo: documentId
      ? undoState(db, documentId)
      : { canUndo: false, canRedo: false, undoAction: null, redoAction: null }
  };
  for (const { table, id, after } of group.touches()) {
    const apply = <T>(changes: RecordChanges<T>, convert: (row: never) => T) =>
      after === null ? changes.remove.push(id) : changes.upsert.push(convert(after as never));
    switch (table) {
      case 'mentions':
        apply(set.mentions, (row: MentionRow) => toMention(row));
        break;
      case 'claims':
        apply(set.claims, (row: ClaimRow) => toClaim(row));
        break;
      case 'evidence':
        apply(set.evidence, (row: EvidenceRow) => toEvidence(row));
        break;
      case 'reviews':
        apply(set.reviews, (row: ReviewRow) => toReview(row));
        break;
      case 'entities':
        apply(set.entities, (row: EntityRow) => toEntity(row));
        break;
      case 'documents':
        break;
    }
  }
  if (documentId) set.claims.upsert = withDerivedStatus(db, documentId, set.claims.upsert, group);
  return set;
}

/**
 * Adds the entities that the changed mentions now link to, when the change did not touch them (an
 * existing registry entity), so the client can name them.
 */
export function withLinkedEntities(db: Db, set: ChangeSet): ChangeSet {
  const known = new Set(set.entities.upsert.map((e) => e.id));
  for (const mention of set.mentions.upsert) {
    const id = mention.entityId;
    if (!id || known.has(id)) continue;
    known.add(id);
    const entity = getEntity(db, id);
    if (entity) set.entities.upsert.push(entity);
  }
  return set;
}

/**
 * Whether the group leaves every claim's published content as it was: it changed only mentions, none
 * of them masked (a restored name is the only part of a mention a claim's quote shows).
 */
function onlyPlainMentions(group: ChangeGroup): boolean {
  const touches = group.touches();
  return touches.length > 0 && touches.every((t) => t.table === 'mentions' && t.before?.masked !== 1 && t.after?.masked !== 1);
}

/**
 * The touched claims with their derived status, plus every reviewed claim of the document: an
 * edit anywhere (a claimant's name, a restored gap, evidence) can change whether it is verified,
 * unless the group cannot have changed what any claim publishes.
 */
function withDerivedStatus(db: Db, documentId: string, touched: Claim[], group: ChangeGroup): Claim[] {
  const ids = new Set(touched.map((c) => c.id));
  const reviewed = (onlyPlainMentions(group) ? [] : claimIdsWithDecisions(db, documentId))
    .filter((id) => !ids.has(id))
    .map((id) => getClaim(db, id)!);
  return derivedClaims(db, documentId, [...touched.filter((c) => c.documentId === documentId), ...reviewed]);
}
