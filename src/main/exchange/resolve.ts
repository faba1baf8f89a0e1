/**
 * Settling a merge conflict, one at a time: keep mine, take theirs, or (for a field) an edited
 * value. Taking their side of an edit against a deletion restores their record (a mention or
 * claim is anchored in the local text first, or kept as an orphan) or deletes ours.
 */
import type { z } from 'zod';
import { Anchorer } from '../../shared/anchoring/anchor';
import { DomainError } from '../errors';
import { countConflicts, deleteConflict } from '../store/exchange-conflicts';
import { type ChangeGroup, type MutationContext, runMutation } from '../store/history';
import { getScale } from '../store/scales';
import { requireMentionLabel } from '../workflow/create-mention';
import { type StoredConflict, WHOLE_RECORD, getConflict } from './conflict-store';
import { CLAIM_FIELDS, ENTITY_FIELDS, EVIDENCE_FIELDS, MENTION_FIELDS, REVIEW_FIELDS } from './file-schema';
import { jsonPointer } from './json-guard';
import { LocalDocument } from './local-document';
import type { RecordSide } from './merge';
import type { AnyContent, ClaimContent, EntityContent, EvidenceContent, MentionContent, RecordKind, ReviewContent } from './records';

export type Decision = { choice: 'mine' } | { choice: 'theirs' } | { choice: 'value'; value: unknown };

const FIELDS: Record<RecordKind, Record<string, z.ZodType>> = {
  entity: ENTITY_FIELDS,
  mention: MENTION_FIELDS,
  claim: CLAIM_FIELDS,
  evidence: EVIDENCE_FIELDS,
  review: REVIEW_FIELDS
};

export interface Resolution {
  group: ChangeGroup;
  documentId: string;
  remaining: number;
}

export function resolveConflict(ctx: MutationContext, text: (documentId: string) => string, conflictId: string, decision: Decision): Resolution {
  const conflict = getConflict(ctx.db, conflictId);
  if (!conflict) throw new DomainError('not_found', `No open conflict with id ${conflictId}.`);
  const documentText = text(conflict.documentId);
  const { group } = runMutation(ctx, { documentId: conflict.documentId, action: 'exchange.resolve', kind: 'log' }, (g) => {
    const local = new LocalDocument(g, conflict.documentId, documentText);
    if (conflict.field === WHOLE_RECORD) settleDeletion(local, conflict, decision);
    else settleField(local, conflict, decision);
    deleteConflict(g, conflict.id);
  });
  return { group, documentId: conflict.documentId, remaining: countConflicts(ctx.db, conflict.documentId) };
}

function settleDeletion(local: LocalDocument, conflict: StoredConflict, decision: Decision): void {
  if (decision.choice === 'value') {
    throw new DomainError('invalid_input', 'One side deleted this record: keep mine or take theirs (there is no value to edit).');
  }
  if (decision.choice === 'mine') return;
  const theirs = conflict.theirs as RecordSide | null;
  if (theirs === null) {
    local.remove(conflict.kind, conflict.recordId);
    return;
  }
  restore(local, conflict.kind, theirs);
}

/** Puts their record back (a claim with its evidence and reviews), skipping what is here already. */
function restore(local: LocalDocument, kind: RecordKind, side: RecordSide): void {
  const id = side.content.id;
  if (local.get(kind, id)) return;
  switch (kind) {
    case 'entity':
      local.insertEntity(side.content as EntityContent);
      return;
    case 'evidence':
    case 'review': {
      const child = side.content as EvidenceContent | ReviewContent;
      if (!local.get('claim', child.claimId)) {
        throw new DomainError('conflict', `Its claim ${child.claimId} is not in this document any more; restore the claim first.`);
      }
      local.insertChild(kind, child);
      return;
    }
    case 'mention':
    case 'claim': {
      const content = side.content as MentionContent | ClaimContent;
      const [quote, position] = side.target!.selector;
      const placed = new Anchorer(local.text).anchor({ quote, position });
      if (placed.ok) local.insertPlaced(kind, content, placed.value.start, placed.value.end);
      else local.insertOrphan(kind, content, side.target!, placed.error);
      for (const e of side.children?.evidence ?? []) if (!local.get('evidence', e.id)) local.insertChild('evidence', e);
      for (const r of side.children?.reviews ?? []) if (!local.get('review', r.id)) local.insertChild('review', r);
    }
  }
}

function settleField(local: LocalDocument, conflict: StoredConflict, decision: Decision): void {
  if (decision.choice === 'mine') return;
  const entry = local.get(conflict.kind, conflict.recordId);
  if (!entry) throw new DomainError('conflict', `The ${conflict.kind} ${conflict.recordId} is no longer in this document.`);
  const value = decision.choice === 'theirs' ? conflict.theirs : checkedValue(local, conflict, decision.value);
  const content: Record<string, unknown> = { ...entry.content, [conflict.field]: value };
  if ('updatedAt' in content) content.updatedAt = local.group.at;
  local.update(conflict.kind, conflict.recordId, content as unknown as AnyContent);
}

/** An edited value, checked as the annotation file's field is, and against this library (labels, entities, scales). */
function checkedValue(local: LocalDocument, conflict: StoredConflict, value: unknown): unknown {
  const schema = FIELDS[conflict.kind][conflict.field];
  if (!schema) throw new DomainError('invalid_input', `The field "${conflict.field}" cannot be edited here.`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${jsonPointer(issue.path)}: ${issue.message}` : issue.message));
    throw new DomainError('invalid_input', `Not a valid value for ${conflict.field}: ${problems.join('; ')}.`, problems);
  }
  const checked = parsed.data as unknown;
  if ((conflict.field === 'entityId' || conflict.field === 'claimantId') && checked !== null && !local.get('entity', checked as string)) {
    throw new DomainError('not_found', `No entity with id ${String(checked)}.`);
  }
  if (conflict.kind === 'mention' && conflict.field === 'type') requireMentionLabel(local.db, checked as string);
  if (conflict.field === 'verdict' && checked !== null) {
    const verdict = checked as { scaleId: string; scaleVersion: number; label: string };
    const scale = getScale(local.db, verdict.scaleId, verdict.scaleVersion);
    if (!scale?.labels.some((l) => l.label === verdict.label)) {
      throw new DomainError('invalid_input', `"${verdict.label}" is not a verdict of scale ${verdict.scaleId} version ${verdict.scaleVersion}.`);
    }
  }
  return checked;
}
