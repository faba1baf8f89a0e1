/**
 * One document's records as merges, conflict resolution and re-attaching see them: content by id,
 * wherever it lives — in the record tables (placed in the text) or in an orphan (a mention or
 * claim that could not be placed, which holds a claim's evidence and reviews too). Every write
 * goes through the change group, so it is logged with before/after snapshots (the records a shared
 * file adds, together in one entry).
 */
import type { Claim, Mention } from '../../shared/domain';
import { quoteAt } from '../../shared/text/spans';
import { DomainError } from '../errors';
import { claimRow, listClaims } from '../store/claims';
import { entityRow, getEntity } from '../store/entities';
import { evidenceRow, listEvidenceOfDocument } from '../store/evidence';
import type { ChangeGroup } from '../store/history';
import { type ReceivedKind, receivedRow } from '../store/history-received';
import { mentionRow, mentionsWithoutQuotes } from '../store/mentions';
import { deleteOrphan, documentsOfOrphans } from '../store/orphans';
import { listReviewsOfDocument, reviewRow } from '../store/reviews';
import { type DocumentPartTable, documentsOfRecords } from '../store/rows';
import type { FileTarget } from './file-schema';
import { type Orphan, listOrphans, saveOrphan } from './orphans';
import {
  type ChildKind,
  type ClaimContent,
  type ContentOf,
  type EntityContent,
  type EvidenceContent,
  type MentionContent,
  type RecordKind,
  type ReviewContent,
  type SpanKind,
  KIND_INFO,
  contentOfSpanRecord
} from './records';

/** Where a record lives: placed in the text (tables), or inside an orphan. */
export type Entry<K extends RecordKind = RecordKind> = { kind: K; content: ContentOf[K] } & (
  | { home: 'table'; start: number; end: number }
  | { home: 'orphan' }
);

type Maps = { [K in RecordKind]: Map<string, Entry<K>> };

const CHILD_LIST = { evidence: 'evidence', review: 'reviews' } as const;

export class LocalDocument {
  private readonly maps: Maps = {
    entity: new Map(),
    mention: new Map(),
    claim: new Map(),
    evidence: new Map(),
    review: new Map()
  };
  private readonly orphans = new Map<string, Orphan>();
  /**
   * With `receiving` (opening a shared file): the records inserted into the tables, in order. They
   * get no history rows of their own; the caller logs them as one entry (logReceivedRecords).
   */
  readonly received: { kind: ReceivedKind; id: string; start: number; end: number }[] | null;

  constructor(
    readonly group: ChangeGroup,
    readonly documentId: string,
    readonly text: string,
    receiving = false
  ) {
    this.received = receiving ? [] : null;
    const db = group.db;
    const placed = <K extends RecordKind>(kind: K, content: ContentOf[K], start: number, end: number) =>
      this.maps[kind].set(content.id, { kind, content, home: 'table', start, end } as Entry<K>);
    for (const m of mentionsWithoutQuotes(db, documentId)) placed('mention', contentOfSpanRecord(m), m.start, m.end);
    for (const c of listClaims(db, documentId)) placed('claim', contentOfSpanRecord(c), c.start, c.end);
    for (const e of listEvidenceOfDocument(db, documentId)) placed('evidence', e, 0, 0);
    for (const r of listReviewsOfDocument(db, documentId)) placed('review', r, 0, 0);
    for (const orphan of listOrphans(db, documentId)) this.track(orphan);
  }

  get db() {
    return this.group.db;
  }

  /** The record with this id in this document (entities: in the library), or null. */
  get<K extends RecordKind>(kind: K, id: string): Entry<K> | null {
    const entry = this.maps[kind].get(id);
    if (entry) return entry;
    if (kind === 'entity') {
      const entity = getEntity(this.db, id);
      if (!entity) return null;
      const loaded = { kind: 'entity', content: entity, home: 'table', start: 0, end: 0 } as Entry<'entity'>;
      this.maps.entity.set(id, loaded);
      return loaded as Entry<K>;
    }
    return null;
  }

  /** This document's records of a kind (entities: only those loaded so far). */
  all<K extends RecordKind>(kind: K): Entry<K>[] {
    return [...this.maps[kind].values()];
  }

  getOrphan(id: string): Orphan | null {
    return this.orphans.get(id) ?? null;
  }

  /**
   * Which of these ids of one kind a record of another document already has (ids are global), and
   * that document: one query per table for all of them, as a file brings thousands at once.
   */
  foreignOwners(kind: Exclude<RecordKind, 'entity'>, ids: readonly string[]): Map<string, string> {
    const wanted = ids.filter((id) => !this.maps[kind].has(id));
    const owners = documentsOfRecords(this.db, KIND_INFO[kind].table as DocumentPartTable, wanted);
    // A record in the tables is where its id belongs; an orphan counts only for ids not there.
    for (const [id, owner] of documentsOfOrphans(this.db, wanted)) if (!owners.has(id)) owners.set(id, owner);
    for (const [id, owner] of owners) if (owner === this.documentId) owners.delete(id);
    return owners;
  }

  /** The evidence and reviews of a claim, wherever it lives. */
  childrenOf(claimId: string): { evidence: EvidenceContent[]; reviews: ReviewContent[] } {
    const of = <K extends ChildKind>(kind: K) =>
      this.all(kind)
        .map((entry) => entry.content)
        .filter((content) => content.claimId === claimId);
    return { evidence: of('evidence'), reviews: of('review') };
  }

  insertEntity(content: EntityContent): void {
    this.group.insert('entities', entityRow(content));
    this.maps.entity.set(content.id, { kind: 'entity', content, home: 'table', start: 0, end: 0 });
  }

  /** Inserts a mention or claim at a span of the local text (UTF-16 offsets). */
  insertPlaced(kind: SpanKind, content: MentionContent | ClaimContent, start: number, end: number): void {
    this.insertRow(kind, content, start, end);
    this.maps[kind].set(content.id, { kind, content, home: 'table', start, end } as never);
  }

  private insertRow(kind: ReceivedKind, content: MentionContent | ClaimContent | EvidenceContent | ReviewContent, start: number, end: number): void {
    const row = receivedRow(kind, content, this.documentId, this.text, start, end);
    if (!this.received) {
      this.group.insert(KIND_INFO[kind].table, row);
      return;
    }
    this.group.insertReceived(KIND_INFO[kind].table, row);
    this.received.push({ kind, id: content.id, start, end });
  }

  insertOrphan(kind: SpanKind, content: MentionContent | ClaimContent, target: FileTarget, reason: string): void {
    const orphan = {
      id: content.id,
      documentId: this.documentId,
      kind,
      content,
      target,
      children: { evidence: [], reviews: [] },
      reason,
      orphanedAt: this.group.at
    } as Orphan;
    saveOrphan(this.group, orphan);
    this.track(orphan);
  }

  /** Inserts evidence or a review under its claim: into the tables, or into the claim's orphan. */
  insertChild(kind: ChildKind, content: EvidenceContent | ReviewContent): void {
    const parent = this.get('claim', content.claimId);
    if (!parent) throw new DomainError('not_found', `No claim ${content.claimId} for the ${kind} ${content.id}.`);
    if (parent.home === 'table') {
      this.insertRow(kind, content, 0, 0);
      this.maps[kind].set(content.id, { kind, content, home: 'table', start: 0, end: 0 } as never);
    } else {
      const orphan = this.orphans.get(parent.content.id)!;
      const list = CHILD_LIST[kind];
      this.persistOrphan({ ...orphan, children: { ...orphan.children, [list]: [...orphan.children[list], content] } });
      this.maps[kind].set(content.id, { kind, content, home: 'orphan' } as never);
    }
  }

  /** Replaces a record's content, wherever it lives; a placed mention or claim keeps its span. */
  update<K extends RecordKind>(kind: K, id: string, content: ContentOf[K]): void {
    const entry = this.get(kind, id);
    if (!entry) throw new DomainError('not_found', `No ${kind} ${id} in this document.`);
    if (entry.home === 'table') {
      this.group.update(KIND_INFO[kind].table, id, this.rowOf(kind, content, entry.start, entry.end));
      this.maps[kind].set(id, { ...entry, content });
      return;
    }
    if (kind === 'mention' || kind === 'claim') {
      const orphan = this.orphans.get(id)!;
      this.persistOrphan({ ...orphan, content } as Orphan);
    } else {
      const child = content as EvidenceContent | ReviewContent;
      const orphan = this.orphans.get(child.claimId)!;
      const list = CHILD_LIST[kind as ChildKind];
      const children = (orphan.children[list] as (EvidenceContent | ReviewContent)[]).map((c) => (c.id === id ? child : c));
      this.persistOrphan({ ...orphan, children: { ...orphan.children, [list]: children } });
    }
    this.maps[kind].set(id, { ...entry, content });
  }

  /** Removes a record; a claim goes with its evidence and reviews, removed one by one (so each is logged). */
  remove(kind: RecordKind, id: string): void {
    const entry = this.get(kind, id);
    if (!entry) return;
    if (kind === 'claim') {
      const children = this.childrenOf(id);
      if (entry.home === 'table') {
        for (const e of children.evidence) this.remove('evidence', e.id);
        for (const r of children.reviews) this.remove('review', r.id);
      } else {
        for (const e of children.evidence) this.maps.evidence.delete(e.id);
        for (const r of children.reviews) this.maps.review.delete(r.id);
      }
    }
    if (entry.home === 'table') {
      this.group.remove(KIND_INFO[kind].table, id);
    } else if (kind === 'mention' || kind === 'claim') {
      deleteOrphan(this.group, id);
      this.orphans.delete(id);
    } else {
      const child = entry.content as EvidenceContent | ReviewContent;
      const orphan = this.orphans.get(child.claimId)!;
      const list = CHILD_LIST[kind as ChildKind];
      const children = (orphan.children[list] as { id: string }[]).filter((c) => c.id !== id);
      this.persistOrphan({ ...orphan, children: { ...orphan.children, [list]: children } });
    }
    this.maps[kind].delete(id);
  }

  /** Places an orphan at a span of the local text: it becomes a mention or claim again, with its evidence and reviews. */
  reattach(id: string, start: number, end: number): void {
    const orphan = this.orphans.get(id);
    if (!orphan) throw new DomainError('not_found', `No orphaned annotation with id ${id} in this document.`);
    deleteOrphan(this.group, id);
    this.orphans.delete(id);
    this.maps[orphan.kind].delete(id);
    for (const e of orphan.children.evidence) this.maps.evidence.delete(e.id);
    for (const r of orphan.children.reviews) this.maps.review.delete(r.id);
    this.insertPlaced(orphan.kind, orphan.content, start, end);
    for (const e of orphan.children.evidence) this.insertChild('evidence', e);
    for (const r of orphan.children.reviews) this.insertChild('review', r);
  }

  private rowOf(kind: RecordKind, content: ContentOf[RecordKind], start: number, end: number) {
    switch (kind) {
      case 'entity':
        return entityRow(content as EntityContent);
      case 'mention':
        return mentionRow({ ...(content as MentionContent), ...this.spanOf(start, end) } as Mention);
      case 'claim':
        return claimRow({ ...(content as ClaimContent), ...this.spanOf(start, end) } as Claim);
      case 'evidence':
        return evidenceRow(content as EvidenceContent);
      case 'review':
        return reviewRow(content as ReviewContent);
    }
  }

  private spanOf(start: number, end: number) {
    return { documentId: this.documentId, start, end, ...quoteAt(this.text, start, end) };
  }

  private persistOrphan(orphan: Orphan): void {
    saveOrphan(this.group, orphan);
    this.orphans.set(orphan.id, orphan);
  }

  private track(orphan: Orphan): void {
    this.orphans.set(orphan.id, orphan);
    this.maps[orphan.kind].set(orphan.id, { kind: orphan.kind, content: orphan.content, home: 'orphan' } as never);
    for (const e of orphan.children.evidence) this.maps.evidence.set(e.id, { kind: 'evidence', content: e, home: 'orphan' });
    for (const r of orphan.children.reviews) this.maps.review.set(r.id, { kind: 'review', content: r, home: 'orphan' });
  }
}
