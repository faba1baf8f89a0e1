/**
 * The rules of a new mention, written once for every path that makes one: marking a span by hand,
 * accepting or propagating suggestions, restoring a masked-name gap, re-attaching an orphan, and
 * importing brat annotations. A mention's span is whole characters inside the text; a masked
 * mention covers exactly one masked-name gap, any other stays within one paragraph; its label is
 * one of the library's; a document never holds the same span with the same label twice.
 */
import type { Block, Mention } from '../../shared/domain';
import { findGaps } from '../../shared/gaps';
import { crossesBlocks, quoteAt, spanProblem } from '../../shared/text/spans';
import { DomainError } from '../errors';
import { getDocument } from '../store/documents';
import { getEntity } from '../store/entities';
import type { ChangeGroup } from '../store/history';
import { labelExists } from '../store/labels';
import { hasMentionAt, mentionRow } from '../store/mentions';
import type { Db } from '../store/open';

/** The document a mention goes into: its text and paragraphs. */
export interface MentionTarget {
  documentId: string;
  text: string;
  blocks: readonly Pick<Block, 'start' | 'end'>[];
}

export interface MentionSpan {
  start: number;
  end: number;
  type: string;
  masked: boolean;
}

export const DUPLICATE_MENTION = 'This span is already marked with that label.';

/** A document outside the trash as a place for mentions; refused when there is none. */
export function mentionTarget(db: Db, documentId: string): MentionTarget {
  const document = getDocument(db, documentId);
  if (!document) throw new DomainError('not_found', `No document with id ${documentId} in the library.`);
  return { documentId, text: document.text, blocks: document.blocks };
}

/** Why a mention cannot sit on this span of the text, in words for the reader; null when it can. */
export function mentionSpanProblem(target: Pick<MentionTarget, 'text' | 'blocks'>, span: Omit<MentionSpan, 'type'>): string | null {
  const problem = spanProblem(target.text, span.start, span.end);
  if (problem) return `Cannot mark this span: ${problem}.`;
  if (span.masked) {
    const onGap = findGaps(target.text).some((gap) => gap.start === span.start && gap.end === span.end);
    return onGap ? null : 'A masked mention must cover exactly one masked-name gap.';
  }
  return crossesBlocks(target.blocks, span.start, span.end) ? 'A name cannot run across paragraphs: select it within one paragraph.' : null;
}

export function requireMentionLabel(db: Db, type: string): void {
  if (!labelExists(db, type)) throw new DomainError('invalid_input', `"${type}" is not a label of this library.`);
}

/** A restoration names what a masked-name gap hides: other mentions carry none. */
export function refuseRestorationUnlessMasked(masked: boolean, restoration: string | null | undefined): void {
  if (!masked && restoration) throw new DomainError('invalid_input', 'Only a masked mention carries a restoration.');
}

/** Refuses a span that breaks the rules (invalid_input) or a label the library lacks. */
export function checkMention(db: Db, target: MentionTarget, span: MentionSpan): void {
  const problem = mentionSpanProblem(target, span);
  if (problem) throw new DomainError('invalid_input', problem);
  requireMentionLabel(db, span.type);
}

const isDuplicateMention = (db: Db, documentId: string, span: Pick<MentionSpan, 'start' | 'end' | 'type'>): boolean =>
  hasMentionAt(db, documentId, span.start, span.end, span.type);

/** Refuses (conflict) a span the document already has with that label. */
export function refuseDuplicateMention(db: Db, documentId: string, span: Pick<MentionSpan, 'start' | 'end' | 'type'>): void {
  if (isDuplicateMention(db, documentId, span)) throw new DomainError('conflict', DUPLICATE_MENTION);
}

/** A new mention's fields; an entity given as a function is looked up only once the mention is made, so a skipped duplicate makes none. */
export type NewMention = Pick<Mention, 'start' | 'end' | 'type' | 'origin'> &
  Partial<Pick<Mention, 'masked' | 'restoration'>> & { entityId: string | null | (() => string | null) };

export interface CreateOptions {
  /** 'refuse' throws a conflict; 'skip' creates nothing and returns null (accepting many suggestions at once). */
  duplicate: 'refuse' | 'skip';
  newId: () => string;
}

/**
 * Creates an accepted mention in the change group, after every check: span, gap, paragraph, label,
 * linked entity, restoration (on masked mentions only, trimmed), duplicate. Author and times come
 * from the group. Returns the id, or null for a skipped duplicate.
 */
export function createMention(group: ChangeGroup, target: MentionTarget, fields: NewMention, options: CreateOptions): string | null {
  const masked = fields.masked ?? false;
  checkMention(group.db, target, { ...fields, masked });
  if (typeof fields.entityId === 'string' && !getEntity(group.db, fields.entityId)) {
    throw new DomainError('not_found', `No entity with id ${fields.entityId}.`);
  }
  refuseRestorationUnlessMasked(masked, fields.restoration);
  if (isDuplicateMention(group.db, target.documentId, fields)) {
    if (options.duplicate === 'skip') return null;
    throw new DomainError('conflict', DUPLICATE_MENTION);
  }
  const id = options.newId();
  group.insert(
    'mentions',
    mentionRow({
      ...fields,
      entityId: typeof fields.entityId === 'function' ? fields.entityId() : fields.entityId,
      id,
      documentId: target.documentId,
      ...quoteAt(target.text, fields.start, fields.end),
      masked,
      restoration: masked ? fields.restoration?.trim() || null : null,
      status: 'accepted',
      author: group.user,
      createdAt: group.at,
      updatedAt: group.at
    })
  );
  return id;
}
