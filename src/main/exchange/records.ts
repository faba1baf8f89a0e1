/**
 * Records as the exchange sees them. A record's *content* is the domain record without what is
 * local to one copy of the article: the document id and the span (start, end, quote), which each
 * side computes against its own text. Content is what revisions hash and what merges compare.
 */
import type { z } from 'zod';
import type { Claim, Entity, Evidence, Mention, Review } from '../../shared/domain';
import type { RecordTable } from '../store/rows';
import type {
  CLAIM_FIELDS,
  ClaimRecord,
  ENTITY_FIELDS,
  EVIDENCE_FIELDS,
  EvidenceRecord,
  EntityRecord,
  MENTION_FIELDS,
  MentionRecord,
  REVIEW_FIELDS,
  ReviewRecord
} from './file-schema';
import { revisionOf } from './revision';

export const RECORD_KINDS = ['entity', 'mention', 'claim', 'evidence', 'review'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type SpanFields = 'documentId' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix';
export type EntityContent = Entity;
export type MentionContent = Omit<Mention, SpanFields>;
export type ClaimContent = Omit<Claim, SpanFields | 'verification'>;
export type EvidenceContent = Evidence;
export type ReviewContent = Review;

export interface ContentOf {
  entity: EntityContent;
  mention: MentionContent;
  claim: ClaimContent;
  evidence: EvidenceContent;
  review: ReviewContent;
}
export type AnyContent = ContentOf[RecordKind];

export interface FileRecordOf {
  entity: EntityRecord;
  mention: MentionRecord;
  claim: ClaimRecord;
  evidence: EvidenceRecord;
  review: ReviewRecord;
}

/** Kinds placed in the text (with selectors), and the kinds that hang off a claim. */
export type SpanKind = 'mention' | 'claim';
export type ChildKind = 'evidence' | 'review';

/** Table names, labels and the file's array names of each kind. */
export const KIND_INFO: Record<RecordKind, { table: RecordTable; label: string; list: 'entities' | 'mentions' | 'claims' | 'evidence' | 'reviews' }> = {
  entity: { table: 'entities', label: 'Entity', list: 'entities' },
  mention: { table: 'mentions', label: 'Mention', list: 'mentions' },
  claim: { table: 'claims', label: 'Claim', list: 'claims' },
  evidence: { table: 'evidence', label: 'Evidence', list: 'evidence' },
  review: { table: 'reviews', label: 'Review', list: 'reviews' }
};

/** A key naming one record of any kind, for sets and maps of records. */
export const recordKey = (kind: RecordKind, id: string) => `${kind}:${id}`;

/** Strips the revision and placement parts of a file record, leaving its content. */
export function contentOfRecord<K extends RecordKind>(record: FileRecordOf[K]): ContentOf[K] {
  const { revision: _revision, baseRevisions: _bases, target: _target, orphaned: _orphaned, ...content } =
    record as FileRecordOf[K] & { target?: unknown; orphaned?: unknown };
  return content as unknown as ContentOf[K];
}

/** The content of a stored mention or claim (drops the document id and span). */
export function contentOfSpanRecord<T extends Mention | Claim>(record: T): Omit<T, SpanFields> {
  const { documentId: _d, start: _s, end: _e, exact: _x, prefix: _p, suffix: _f, ...content } = record;
  return content;
}

export const contentRevision = (content: AnyContent) => revisionOf(content);

// The zod field lists and the domain types must describe the same content, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type Fields<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.infer<T[K]> };
export type ContentAlignment = [
  Holds<Same<Fields<typeof ENTITY_FIELDS>, EntityContent>>,
  Holds<Same<Fields<typeof MENTION_FIELDS>, MentionContent>>,
  Holds<Same<Fields<typeof CLAIM_FIELDS>, ClaimContent>>,
  Holds<Same<Fields<typeof EVIDENCE_FIELDS>, EvidenceContent>>,
  Holds<Same<Fields<typeof REVIEW_FIELDS>, ReviewContent>>
];
