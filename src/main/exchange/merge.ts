/**
 * Merging an annotation file into a local document, record by record (matched by id):
 * - a record this library does not have (and never exchanged) is added; new mentions and claims
 *   are anchored in the local text, and what cannot be placed is kept as an orphan;
 * - a record both sides have is merged field by field against the base (field-merge.ts);
 * - a record the file carries in a state this library already exchanged brings nothing new;
 * - an edit on one side against a deletion on the other is a conflict (field '*'), as is new
 *   work (evidence, reviews) under a claim deleted here;
 * - reviews and comments are united: added when missing, never changed, never in conflict;
 * - an entity other documents here use is library-wide: their edit of it is a conflict to
 *   resolve, unless the caller consented to library-wide changes.
 */
import type { AnchoringCounts } from '../../shared/api/methods/exchange';
import { anchorAll } from '../../shared/anchoring/anchor';
import { DomainError } from '../errors';
import { getDocument } from '../store/documents';
import { otherDocumentsUsing } from '../store/entities';
import { deleteConflict } from '../store/exchange-conflicts';
import type { ChangeGroup } from '../store/history';
import type { ExchangeBases } from './bases';
import { WHOLE_RECORD, conflictedRecords, conflictsOfRecord, saveConflict } from './conflict-store';
import { mergeFields, type FieldConflict } from './field-merge';
import { type AnnotationFile, type ClaimRecord, type Deletion, type FileTarget, MAX_QUOTE, MAX_QUOTE_CONTEXT, type MentionRecord } from './file-schema';
import type { LocalDocument } from './local-document';
import {
  type AnyContent,
  type ChildKind,
  type ContentOf,
  type EvidenceContent,
  type FileRecordOf,
  type RecordKind,
  type ReviewContent,
  type SpanKind,
  KIND_INFO,
  contentOfRecord,
  contentRevision,
  recordKey
} from './records';
import { sameValue } from './revision';

/** One side of an edit-against-deletion conflict: the record, its selectors and (claims) its evidence and reviews. */
export interface RecordSide {
  content: AnyContent;
  target?: FileTarget;
  children?: { evidence: EvidenceContent[]; reviews: ReviewContent[] };
}

/** A new mention or claim of theirs, waiting to be anchored in the local text. */
interface Unplaced {
  kind: SpanKind;
  record: MentionRecord | ClaimRecord;
  content: ContentOf[SpanKind];
}

export interface MergeTally {
  anchoring: AnchoringCounts;
  records: { added: number; updated: number; unchanged: number; deleted: number };
  reviewsAdded: number;
  conflictsCreated: number;
  /** Their changes to entities other documents use, in words. */
  libraryChanges: string[];
}

interface Origin {
  fileName: string;
  author: string;
  newId: () => string;
  /** Apply their changes to entities other documents use, instead of holding them as conflicts. */
  acceptLibraryChanges: boolean;
}

export class Merger {
  readonly tally: MergeTally = {
    anchoring: { exact: 0, fuzzy: 0, orphaned: 0 },
    records: { added: 0, updated: 0, unchanged: 0, deleted: 0 },
    reviewsAdded: 0,
    conflictsCreated: 0,
    libraryChanges: []
  };
  /** Claims whose deletion here conflicts with their side: their children travel with the conflict. */
  private readonly claimsInConflict = new Set<string>();
  private readonly fileClaims: Map<string, ClaimRecord>;
  private readonly fileChildren = new Map<string, { evidence: EvidenceContent[]; reviews: ReviewContent[] }>();
  /** Records with an open conflict (kept up to date as this merge saves conflicts): others need no conflict lookup. */
  private readonly conflicted: Set<string>;
  /** The file's records whose ids belong to another document here, with that document. */
  private readonly foreign = new Map<string, string>();

  constructor(
    private readonly group: ChangeGroup,
    private readonly local: LocalDocument,
    private readonly file: AnnotationFile,
    /** The document's exchanged states, read before the merge. */
    private readonly bases: ExchangeBases,
    private readonly origin: Origin
  ) {
    this.fileClaims = new Map(file.claims.map((claim) => [claim.id, claim]));
    this.conflicted = conflictedRecords(group.db);
    for (const kind of ['mention', 'claim', 'evidence', 'review'] as const) {
      const owners = local.foreignOwners(kind, file[KIND_INFO[kind].list].map((record) => record.id));
      for (const [id, owner] of owners) this.foreign.set(recordKey(kind, id), owner);
    }
    const childrenOf = (claimId: string) => {
      let children = this.fileChildren.get(claimId);
      if (!children) this.fileChildren.set(claimId, (children = { evidence: [], reviews: [] }));
      return children;
    };
    for (const e of file.evidence) childrenOf(e.claimId).evidence.push(contentOfRecord<'evidence'>(e));
    for (const r of file.reviews) childrenOf(r.claimId).reviews.push(contentOfRecord<'review'>(r));
  }

  private get db() {
    return this.group.db;
  }

  run(): MergeTally {
    for (const entity of this.file.entities) {
      const added = this.reconcile('entity', entity);
      if (added) {
        this.local.insertEntity(added);
        this.tally.records.added += 1;
      }
    }
    const unplaced: Unplaced[] = [];
    for (const mention of this.file.mentions) {
      const content = this.reconcile('mention', mention);
      if (content) unplaced.push({ kind: 'mention', record: mention, content });
    }
    for (const claim of this.file.claims) {
      const content = this.reconcile('claim', claim);
      if (content) unplaced.push({ kind: 'claim', record: claim, content });
    }
    this.place(unplaced);
    for (const evidence of this.file.evidence) this.mergeChild('evidence', evidence);
    for (const review of this.file.reviews) this.mergeChild('review', review);
    this.applyDeletions();
    return this.tally;
  }

  /** The refusal of a file whose record belongs to another document here: ids are the library's, one document each. */
  private elsewhere(kind: RecordKind, id: string, owner: string): DomainError {
    const title = getDocument(this.group.db, owner)?.title ?? owner;
    return new DomainError(
      'conflict',
      `Cannot open "${this.origin.fileName}" into this document: its ${kind} ${id} is already in another document of this library, ` +
        `"${title}" (${owner}), and an annotation belongs to one document. Open the file into that document instead.`
    );
  }

  /**
   * Brings one record of theirs in line with ours, except adding it: their content comes back when
   * this library has never had the record, for the caller to add where it belongs; else null.
   */
  private reconcile<K extends RecordKind>(kind: K, record: FileRecordOf[K]): ContentOf[K] | null {
    const { id } = record;
    const owner = this.foreign.get(recordKey(kind, id));
    if (owner) throw this.elsewhere(kind, id, owner);
    const theirs = contentOfRecord<K>(record);
    const mine = this.local.get(kind, id);
    const open = this.conflicted.has(recordKey(kind, id))
      ? conflictsOfRecord(this.db, kind, id).filter((c) => c.field !== WHOLE_RECORD)
      : [];
    // Their revision was checked against their content when the file was read: equal content is the same revision.
    if (mine && (kind === 'review' || sameValue(mine.content, theirs))) {
      // Reviews are records, not edits: one we have is never changed by a file.
      for (const conflict of open) deleteConflict(this.group, conflict.id);
      this.tally.records.unchanged += kind === 'review' ? 0 : 1;
      return null;
    }
    const exchanged = this.bases.revisionsOf(kind, id);
    if (exchanged.includes(record.revision)) {
      // Their copy is a state we already exchanged: ours is the same or newer (or deleted since).
      if (mine) this.tally.records.unchanged += 1;
      return null;
    }
    const baseRevision = record.baseRevisions.find((revision) => exchanged.includes(revision));
    const base = baseRevision ? this.bases.content(kind, id, baseRevision) : null;
    if (!mine) {
      if (exchanged.length === 0) return theirs;
      this.wholeConflict(kind, id, base, null, this.theirSide(kind, record));
      return null;
    }
    const result = mergeFields<ContentOf[K]>(base as ContentOf[K] | null, mine.content, theirs, new Set(open.map((c) => c.field)));
    for (const field of result.agreed) deleteConflict(this.group, open.find((c) => c.field === field)!.id);
    if (kind === 'entity' && result.taken.length > 0 && this.heldAsLibraryChange(id, mine.content, describeFields(result.taken, theirs))) {
      const field = (content: unknown, name: string) => (content as Record<string, unknown> | null)?.[name] ?? null;
      for (const name of result.taken) result.conflicts.push({ field: name, base: field(base, name), mine: field(mine.content, name), theirs: field(theirs, name) });
      result.taken = [];
    }
    if (result.taken.length > 0) {
      this.local.update(kind, id, result.merged);
      this.tally.records.updated += 1;
    } else if (result.conflicts.length === 0) {
      this.tally.records.unchanged += 1;
    }
    for (const conflict of result.conflicts) this.fieldConflict(kind, id, conflict);
    return null;
  }

  /** Anchors their new mentions and claims in the local text, all at once (edits shift later spans alike). */
  private place(unplaced: Unplaced[]): void {
    const results = anchorAll(
      this.local.text,
      unplaced.map(({ record }) => {
        const [quote, position] = record.target.selector;
        const quoted = { exact: textOf(quote.exact, MAX_QUOTE), prefix: textOf(quote.prefix, MAX_QUOTE_CONTEXT), suffix: textOf(quote.suffix, MAX_QUOTE_CONTEXT) };
        return { quote: quoted, position };
      })
    );
    unplaced.forEach(({ kind, record, content }, i) => {
      const result = results[i]!;
      if (result.ok) {
        this.local.insertPlaced(kind, content, result.value.start, result.value.end);
        this.tally.anchoring[result.value.method === 'fuzzy' ? 'fuzzy' : 'exact'] += 1;
      } else {
        this.local.insertOrphan(kind, content, record.target, result.error);
        this.tally.anchoring.orphaned += 1;
      }
      this.tally.records.added += 1;
    });
  }

  private mergeChild<K extends ChildKind>(kind: K, record: FileRecordOf[K]): void {
    if (this.claimsInConflict.has(record.claimId)) return; // travels with its claim's conflict
    if (!this.local.get('claim', record.claimId)) {
      // The claim was deleted here. Their unchanged copies go with it; new or changed work conflicts with the deletion.
      if (this.bases.has(kind, record.id, record.revision)) return;
      const claim = this.fileClaims.get(record.claimId)!;
      const latest = this.bases.revisionsOf('claim', claim.id)[0];
      this.wholeConflict('claim', claim.id, latest ? this.bases.content('claim', claim.id, latest) : null, null, this.theirSide('claim', claim));
      return;
    }
    const content = this.reconcile(kind, record);
    if (!content) return;
    this.local.insertChild(kind, content);
    if (kind === 'review') this.tally.reviewsAdded += 1;
    else this.tally.records.added += 1;
  }

  /** Their deletions: applied where ours is unchanged since they last saw it, else a conflict. */
  private applyDeletions(): void {
    const claimsFirst = [...this.file.deleted].sort((a, b) => Number(b.type === 'claim') - Number(a.type === 'claim'));
    for (const deletion of claimsFirst) {
      if (deletion.type === 'review') continue; // reviews go only with their claim
      const mine = this.local.get(deletion.type, deletion.id);
      if (!mine) continue;
      if (deletion.type === 'evidence' && this.claimsInConflict.has((mine.content as EvidenceContent).claimId)) continue;
      if (this.untouchedSince(deletion, mine.content)) {
        const children = deletion.type === 'claim' ? this.local.childrenOf(deletion.id).evidence.length : 0;
        this.local.remove(deletion.type, deletion.id);
        this.tally.records.deleted += 1 + children;
      } else {
        const known = deletion.revisions.find((revision) => this.bases.has(deletion.type, deletion.id, revision));
        const base = known ? this.bases.content(deletion.type, deletion.id, known) : null;
        const children = deletion.type === 'claim' ? { children: this.local.childrenOf(deletion.id) } : {};
        this.wholeConflict(deletion.type, deletion.id, base, { content: mine.content, ...children }, null);
      }
    }
  }

  /**
   * Notes their edit of an entity that other documents here use; true when it is to be held as
   * a conflict (no consent), false when it applies (consent, or no other document uses it).
   */
  private heldAsLibraryChange(entityId: string, mine: AnyContent, change: string): boolean {
    const others = otherDocumentsUsing(this.db, entityId, this.local.documentId);
    if (others === 0) return false;
    const name = (mine as { name: string }).name;
    const outcome = this.origin.acceptLibraryChanges ? 'applied' : 'kept as a conflict to resolve';
    this.tally.libraryChanges.push(
      `Entity "${name}" (used in ${others} other ${others === 1 ? 'document' : 'documents'}): ${change} — ${outcome}.`
    );
    return !this.origin.acceptLibraryChanges;
  }

  /** Ours is as they last saw it: the same revision, and for a claim no evidence or review they have not seen. */
  private untouchedSince(deletion: Deletion, mine: AnyContent): boolean {
    if (!deletion.revisions.includes(contentRevision(mine))) return false;
    if (deletion.type !== 'claim') return true;
    const { evidence, reviews } = this.local.childrenOf(deletion.id);
    return (
      evidence.every((e) => this.bases.has('evidence', e.id, contentRevision(e))) &&
      reviews.every((r) => this.bases.has('review', r.id, contentRevision(r)))
    );
  }

  private theirSide<K extends RecordKind>(kind: K, record: FileRecordOf[K]): RecordSide {
    const side: RecordSide = { content: contentOfRecord<K>(record) };
    if ('target' in record) side.target = record.target;
    if (kind === 'claim') side.children = this.fileChildren.get(record.id) ?? { evidence: [], reviews: [] };
    return side;
  }

  private fieldConflict(kind: RecordKind, recordId: string, conflict: FieldConflict): void {
    this.save(kind, recordId, conflict.field, conflict.base, conflict.mine, conflict.theirs);
  }

  private wholeConflict(kind: RecordKind, recordId: string, base: unknown, mine: RecordSide | null, theirs: RecordSide | null): void {
    if (kind === 'claim') this.claimsInConflict.add(recordId);
    this.save(kind, recordId, WHOLE_RECORD, base, mine, theirs);
  }

  private save(kind: RecordKind, recordId: string, field: string, base: unknown, mine: unknown, theirs: unknown): void {
    this.conflicted.add(recordKey(kind, recordId));
    saveConflict(this.group, {
      id: this.origin.newId(),
      documentId: this.local.documentId,
      kind,
      recordId,
      field,
      base,
      mine,
      theirs,
      theirsAuthor: this.origin.author,
      fileName: this.origin.fileName,
      createdAt: this.group.at
    });
    this.tally.conflictsCreated += 1;
  }
}

/**
 * A quote or its context as text. The file's values may not be checked yet (the open commits only
 * once they are): one that is not text, or longer than the format allows, is searched as nothing.
 * A list would match everywhere in the text; an overlong one belongs to a file the checks refuse,
 * and comparing it with the text would spend the search budget (anchor.ts) for nothing.
 */
const textOf = (value: unknown, max: number): string => (typeof value === 'string' && value.length <= max ? value : '');

const ENTITY_FIELD_WORDS: Record<string, string> = {
  name: 'name',
  type: 'type',
  aliases: 'other names',
  description: 'description',
  externalIds: 'external ids'
};

/** `name → "Evil Corp", type → "organization"`: the fields they changed, with their new values. */
function describeFields(fields: string[], theirs: AnyContent): string {
  const values = theirs as unknown as Record<string, unknown>;
  return fields
    .filter((name) => name in ENTITY_FIELD_WORDS)
    .map((name) => `${ENTITY_FIELD_WORDS[name]} → ${JSON.stringify(values[name])}`)
    .join(', ');
}
