import { z } from 'zod';
import type { DocumentSummary } from '../../domain';
import type { ChangeSet } from '../changes';
import { id, method, offset, returns } from '../define';
import { UPLOADS, uploadInput } from '../uploads';
const fileName = z.string().trim().min(1).max(255);

/** An annotation file's bytes, as chosen by the user (dialog, drag and drop, command line). */
const incomingFile = {
  fileName,
  /** The file's bytes, base64-encoded. */
  dataBase64: z.string()
};

/** How the annotations of an opened file were placed in the local text. */
export interface AnchoringCounts {
  /** At their recorded position, or at an exact occurrence of their quote. */
  exact: number;
  /** By a fuzzy match of the quote (the text around or inside them changed). */
  fuzzy: number;
  /** Not placeable: kept as orphans (see exchange.orphans) with all their data. */
  orphaned: number;
}

/**
 * Whose signature a shared file carries and whether this library trusts the key. A file whose
 * signature does not match its content is refused, so it never gets this far.
 */
export interface FileSignatureStatus {
  /** 'trusted': valid, by the key this library trusts for the name; 'untrusted': valid, but nobody trusted the key yet; 'key differs': valid, but the library trusts another key for that name; 'unsigned': an older file without a signature. */
  state: 'trusted' | 'untrusted' | 'key differs' | 'unsigned';
  /** The signer and the short fingerprint of the key (null for an unsigned file). */
  author: string | null;
  fingerprint: string | null;
  /** The state in plain words, for people. */
  description: string;
}

export interface ExchangeReport {
  /** True for exchange.preview: nothing was written. */
  dryRun: boolean;
  /** 'imported': the document was new to this library; 'merged': into the local copy. */
  outcome: 'imported' | 'merged';
  /** How the local document was found: by the file's document id, by the text's SHA-256, or as the caller's target. */
  matchedBy: 'new' | 'id' | 'hash' | 'target';
  document: DocumentSummary;
  file: { fileName: string; author: string; created: string; generator: string; formatVersion: number };
  signature: FileSignatureStatus;
  /** The file's article text differs from the local one: its annotations were re-anchored. */
  textDiffers: boolean;
  /** Annotations (mentions, claims) that were new here and had to be placed. */
  anchoring: AnchoringCounts;
  /** Entities, mentions, claims and evidence (reviews are counted apart). */
  records: { added: number; updated: number; unchanged: number; deleted: number };
  reviewsAdded: number;
  conflicts: { created: number; remaining: number };
  orphansRemaining: number;
  labelsAdded: string[];
  scalesAdded: string[];
  /**
   * The file's changes to what the whole library shares (entities other documents use, a new
   * version of a verdict scale, a label's name or colour), in words; applied only with consent.
   */
  libraryChanges: string[];
  /** Whether libraryChanges were applied (the caller consented). */
  libraryChangesAccepted: boolean;
  historyEntriesAdded: number;
  warnings: string[];
}

/** What exchange.validate found in a readable file. */
export interface AnnotationFileSummary {
  fileName: string;
  formatVersion: number;
  generator: string;
  author: string;
  created: string;
  signature: FileSignatureStatus;
  document: { id: string; title: string; sha256: string; codePoints: number };
  counts: {
    entities: number;
    mentions: number;
    claims: number;
    evidence: number;
    reviews: number;
    deleted: number;
    history: number;
    orphaned: number;
  };
}

export type ExchangeRecordType = 'entity' | 'mention' | 'claim' | 'evidence' | 'review';

/** A merge conflict waiting for a decision: keep mine, take theirs, or (for a field) enter a value. */
export interface ExchangeConflict {
  id: string;
  documentId: string;
  recordType: ExchangeRecordType;
  recordId: string;
  /** The field both sides changed; null when one side edited the record and the other deleted it. */
  field: string | null;
  /** E.g. 'Claim "Trump has issued just a handful…"'. */
  recordLabel: string;
  /** The value at the last exchange both sides knew (null if none). */
  base: unknown;
  /**
   * The two sides. For a field conflict, the field's values. For an edit against a deletion, the
   * deleted side is null and the other is the record ({content, target?, children?}).
   */
  mine: unknown;
  theirs: unknown;
  theirsAuthor: string;
  fileName: string;
  createdAt: string;
  /** Whether `choice: 'value'` is possible (field conflicts only). */
  editable: boolean;
}

/** A mention or claim an exchange could not place in the text; re-attach it with exchange.reattach. */
export interface OrphanedAnnotation {
  id: string;
  documentId: string;
  kind: 'mention' | 'claim';
  /** The quoted text and its context, as it was where the annotation came from. */
  exact: string;
  prefix: string;
  suffix: string;
  /** Where it was (UTF-16 offsets, clamped to the local text): a hint for the reader, not a placement. */
  hintStart: number;
  hintEnd: number;
  /** Mention: the label key; claim: the claim as checked. */
  label: string;
  /** The record's content (Mention or Claim fields without the span). */
  content: Record<string, unknown>;
  evidenceCount: number;
  reviewCount: number;
  reason: string;
  orphanedAt: string;
}

/** A file for the caller to save (text content; UTF-8 when written). */
export interface ExportedFile {
  /** Suggested file name, safe on every platform. */
  fileName: string;
  mediaType: string;
  content: string;
}

export interface PackedFile extends ExportedFile {
  documentId: string;
  counts: { entities: number; mentions: number; claims: number; evidence: number; reviews: number; deleted: number; history: number };
}

export interface BratExport {
  /** The .txt (the article text) and the .ann (standoff annotations), in that order. */
  files: ExportedFile[];
  /** What brat cannot carry, e.g. an external id with spaces in it. */
  warnings: string[];
}

export interface BratImportReport {
  document: DocumentSummary;
  /** False when the text was already in the library: the annotations were added to it. */
  createdDocument: boolean;
  mentions: number;
  claims: number;
  entities: number;
  /** Annotations already there (same span and type) and not added again. */
  duplicatesSkipped: number;
  warnings: string[];
}

export interface ResolveOutcome {
  changes: ChangeSet;
  /** Conflicts still open for the document. */
  remaining: number;
}

const resolveInput = z.discriminatedUnion('choice', [
  z.strictObject({ conflictId: id, choice: z.literal('mine') }),
  z.strictObject({ conflictId: id, choice: z.literal('theirs') }),
  /** An edited value for the field (field conflicts only); validated like the file's field. */
  z.strictObject({ conflictId: id, choice: z.literal('value'), value: z.json() })
]);

const openInput = { ...incomingFile, targetDocumentId: id.optional(), acceptLibraryChanges: z.boolean().optional() };

/** Shared annotation files (pack, validate, preview, open/merge, conflicts, orphans) and brat / W3C interchange. */
export const exchangeMethods = {
  /** Writes the document's annotation file. Refused while the document has open conflicts. */
  'exchange.pack': method(z.strictObject({ documentId: id }), returns<PackedFile>()),
  /** Checks a file without touching the library. */
  'exchange.validate': method(uploadInput(incomingFile, UPLOADS.annotationFile), returns<AnnotationFileSummary>()),
  /**
   * What opening the file would do (same report as exchange.open), without writing anything.
   * `targetDocumentId` merges into that document instead of matching by id or text hash
   * (e.g. annotations made on an earlier version of the article).
   */
  'exchange.preview': method(uploadInput(openInput, UPLOADS.annotationFile), returns<ExchangeReport>()),
  /**
   * Imports the file (new document) or merges it into the local copy; one transaction. Its changes
   * to what the library shares apply only with `acceptLibraryChanges`; otherwise an entity change
   * is a conflict, and a new scale version or a label change is left out (both listed in the report).
   */
  'exchange.open': method(uploadInput(openInput, UPLOADS.annotationFile), returns<ExchangeReport>()),
  /** Open conflicts of a document, or of the whole library without documentId; oldest first. */
  'exchange.conflicts': method(z.strictObject({ documentId: id.optional() }), returns<ExchangeConflict[]>()),
  'exchange.resolve': method(resolveInput, returns<ResolveOutcome>()),
  'exchange.orphans': method(z.strictObject({ documentId: id }), returns<OrphanedAnnotation[]>()),
  /** Places an orphan at a span (UTF-16 offsets) of its document; a claim gets its evidence and reviews back. */
  'exchange.reattach': method(z.strictObject({ orphanId: id, start: offset, end: offset }), returns<ChangeSet>()),
  'exchange.exportBrat': method(z.strictObject({ documentId: id }), returns<BratExport>()),
  'exchange.importBrat': method(
    uploadInput({ txtFileName: fileName, txtBase64: z.string(), annFileName: fileName, annBase64: z.string() }, UPLOADS.brat),
    returns<BratImportReport>()
  ),
  /** The document's mentions and claims as a W3C Web Annotation collection (JSON-LD). */
  'exchange.exportW3c': method(z.strictObject({ documentId: id }), returns<ExportedFile & { annotations: number }>())
} as const;
