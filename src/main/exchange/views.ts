/** Conflicts and orphans as the API hands them to the window and the command line. */
import type { ExchangeConflict, OrphanedAnnotation } from '../../shared/api/methods/exchange';
import { CodePointIndex } from '../../shared/anchoring/code-points';
import { getClaim } from '../store/claims';
import { getEntity } from '../store/entities';
import { getEvidence } from '../store/evidence';
import { getMention } from '../store/mentions';
import type { Db } from '../store/open';
import { getReview } from '../store/reviews';
import { type StoredConflict, WHOLE_RECORD } from './conflict-store';
import type { RecordSide } from './merge';
import { type Orphan, getOrphan } from './orphans';
import { KIND_INFO, type RecordKind } from './records';

const shorten = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
};

/** The record as it is here now, or as either side of the conflict has it. */
function recordOf(db: Db, conflict: StoredConflict): Record<string, unknown> | null {
  const id = conflict.recordId;
  const orphaned = () => {
    const orphan = getOrphan(db, id);
    return orphan ? { ...orphan.content, exact: orphan.target.selector[0].exact } : null;
  };
  const stored: Record<RecordKind, () => object | null> = {
    entity: () => getEntity(db, id),
    mention: () => getMention(db, id) ?? orphaned(),
    claim: () => getClaim(db, id) ?? orphaned(),
    evidence: () => getEvidence(db, id),
    review: () => getReview(db, id)
  };
  const side = (value: unknown) => (value && typeof value === 'object' && 'content' in value ? (value as RecordSide).content : null);
  return (stored[conflict.kind]() ?? side(conflict.mine) ?? side(conflict.theirs)) as Record<string, unknown> | null;
}

export function recordLabel(kind: RecordKind, record: Record<string, unknown> | null): string {
  const label = KIND_INFO[kind].label;
  if (!record) return label;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  switch (kind) {
    case 'entity':
      return `${label} "${shorten(text('name'))}"`;
    case 'mention':
      return text('exact') ? `${label} "${shorten(text('exact'))}" (${text('type')})` : `${label} (${text('type')})`;
    case 'claim':
      return `${label} "${shorten(text('text'))}"`;
    case 'evidence':
      return `${label} "${shorten(text('title') || text('url'))}"`;
    case 'review':
      return `${label} by ${text('author')}`;
  }
}

export function conflictView(db: Db, conflict: StoredConflict): ExchangeConflict {
  const whole = conflict.field === WHOLE_RECORD;
  return {
    id: conflict.id,
    documentId: conflict.documentId,
    recordType: conflict.kind,
    recordId: conflict.recordId,
    field: whole ? null : conflict.field,
    recordLabel: recordLabel(conflict.kind, recordOf(db, conflict)),
    base: conflict.base,
    mine: conflict.mine,
    theirs: conflict.theirs,
    theirsAuthor: conflict.theirsAuthor,
    fileName: conflict.fileName,
    createdAt: conflict.createdAt,
    editable: !whole
  };
}

export function orphanView(text: string, orphan: Orphan): OrphanedAnnotation {
  const [quote, position] = orphan.target.selector;
  const index = new CodePointIndex(text);
  const clamp = (cp: number) => Math.min(text.length, index.toUtf16(Math.min(cp, index.length)));
  return {
    id: orphan.id,
    documentId: orphan.documentId,
    kind: orphan.kind,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    hintStart: clamp(position.start),
    hintEnd: clamp(position.end),
    label: orphan.kind === 'mention' ? orphan.content.type : orphan.content.text,
    content: { ...orphan.content },
    evidenceCount: orphan.children.evidence.length,
    reviewCount: orphan.children.reviews.length,
    reason: orphan.reason,
    orphanedAt: orphan.orphanedAt
  };
}
