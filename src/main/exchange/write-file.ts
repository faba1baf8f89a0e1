/**
 * Packing a document into a shared annotation file. Every record goes out with its revision and
 * the revisions it had at earlier exchanges; the state written becomes a base for the next merge.
 * Records deleted here after they had been exchanged go out as deletions. Offsets in the file
 * (selectors and blocks) count Unicode code points. The packing user signs the file.
 */
import { CodePointIndex } from '../../shared/anchoring/code-points';
import { selectorsOf } from '../../shared/anchoring/selectors';
import type { ArticleDocument, Claim, Mention } from '../../shared/domain';
import { SHARED_FILE_EXTENSION } from '../../shared/shared-file-name';
import { titleSlug } from '../../shared/text/file-slug';
import { DomainError } from '../errors';
import { listClaims } from '../store/claims';
import { getDocument } from '../store/documents';
import { getEntity } from '../store/entities';
import { countConflicts } from '../store/exchange-conflicts';
import { listEvidenceOfDocument } from '../store/evidence';
import { listLabels } from '../store/labels';
import { listMentions } from '../store/mentions';
import type { Db } from '../store/open';
import { listReviewsOfDocument } from '../store/reviews';
import { getScale } from '../store/scales';
import { inWriteTransaction } from '../store/write-transaction';
import { ExchangeBases, recordFileBases } from './bases';
import type { UserKey } from '../identity/user-keys';
import {
  type AnnotationFile,
  type ClaimRecord,
  type Deletion,
  type FileTarget,
  type MentionRecord,
  DELETABLE_TYPES,
  FILE_FORMAT,
  FORMAT_VERSION
} from './file-schema';
import { signFile } from './file-signature';
import { inCanonicalOrder } from '../export/canonical-json';
import { historyForFile } from './history-transfer';
import { megabytes } from '../../shared/api/file-limits';
import { MAX_BASE_REVISIONS, MAX_FILE_BYTES, MAX_RECORDS } from './limits';
import { listOrphans } from './orphans';
import {
  type AnyContent,
  type ClaimContent,
  type MentionContent,
  type RecordKind,
  KIND_INFO,
  RECORD_KINDS,
  contentOfSpanRecord,
  contentRevision
} from './records';
import { uuidUrn } from './urn';

export interface PackOptions {
  /** The packing user's key: the file names them as its author and carries their signature. */
  signer: UserKey;
  created: string;
  generator: { name: string; version: string };
}

export interface PackedDocument {
  file: AnnotationFile;
  json: string;
  fileName: string;
}

/** Builds the file and records its records as exchanged, in one transaction. */
export function packDocument(db: Db, documentId: string, options: PackOptions): PackedDocument {
  return inWriteTransaction(db, () => {
    const document = getDocument(db, documentId);
    if (!document) throw new DomainError('not_found', `No document with id ${documentId} in the library.`);
    const open = countConflicts(db, documentId);
    if (open > 0) {
      throw new DomainError(
        'conflict',
        `"${document.title}" has ${open} unresolved merge ${open === 1 ? 'conflict' : 'conflicts'}; resolve them before writing its annotation file.`
      );
    }
    const built = buildFile(db, document, options);
    const file = signFile(built.file, options.signer);
    const records = RECORD_KINDS.reduce((sum, kind) => sum + file[KIND_INFO[kind].list].length, file.deleted.length);
    if (records > MAX_RECORDS) {
      throw new DomainError('too_large', `"${document.title}" has ${records} records; an annotation file holds at most ${MAX_RECORDS}.`);
    }
    const json = fileText(file);
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_FILE_BYTES) {
      throw new DomainError(
        'too_large',
        `The annotation file of "${document.title}" would be ${megabytes(bytes)} MB, over the ${megabytes(MAX_FILE_BYTES)} MB limit.`
      );
    }
    recordFileBases(db, file, built.bases);
    return { file, json, fileName: annotationFileName(document.title) };
  });
}

/**
 * The file as written: one record to a line (every list of objects, the document's blocks among
 * them, holds one item per line; the rest is indented), which keeps it readable and diffable at a
 * third less than indenting every field. Within each top-level member everything is in canonical
 * order, so a reader checks the signature and the revisions without sorted copies.
 */
function fileText(file: AnnotationFile): string {
  const layout = (value: unknown, indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      return `[\n${inner}${value.map((item) => JSON.stringify(item)).join(`,\n${inner}`)}\n${indent}]`;
    }
    if (isObject(value) && !Array.isArray(value)) {
      const members = Object.entries(value).filter(([, member]) => member !== undefined);
      if (members.length === 0) return '{}';
      return `{\n${members.map(([key, member]) => `${inner}${JSON.stringify(key)}: ${layout(member, inner)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(value);
  };
  const members = Object.entries(file).map(([key, value]) => [key, inCanonicalOrder(value)]);
  return `${layout(Object.fromEntries(members), '')}\n`;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** The file, and the bases of its records (read once, for its base revisions and then to record it as exchanged). */
function buildFile(db: Db, document: ArticleDocument, options: PackOptions): { file: AnnotationFile; bases: ExchangeBases } {
  const index = new CodePointIndex(document.text);
  const source = uuidUrn(document.id);
  const placedTarget = (record: Mention | Claim): FileTarget => ({ source, selector: selectorsOf(index, record, record.start, record.end) });

  // The contents going out, in file order.
  const orphans = listOrphans(db, document.id);
  const mentionSpans = [
    ...listMentions(db, document.id).map((m) => ({ content: contentOfSpanRecord(m), target: placedTarget(m), orphaned: false })),
    ...orphans.filter((o) => o.kind === 'mention').map((o) => ({ content: o.content as MentionContent, target: o.target, orphaned: true }))
  ].sort(byPosition);
  const claimSpans = [
    ...listClaims(db, document.id).map((c) => ({ content: contentOfSpanRecord(c), target: placedTarget(c), orphaned: false })),
    ...orphans.filter((o) => o.kind === 'claim').map((o) => ({ content: o.content as ClaimContent, target: o.target, orphaned: true }))
  ].sort(byPosition);
  const claimOrder = new Map(claimSpans.map(({ content }, i) => [content.id, i]));
  const evidenceContents = [...listEvidenceOfDocument(db, document.id), ...orphans.flatMap((o) => o.children.evidence)].sort(
    (a, b) => claimOrder.get(a.claimId)! - claimOrder.get(b.claimId)! || a.position - b.position || compare(a.createdAt, b.createdAt) || compare(a.id, b.id)
  );
  const reviewContents = [...listReviewsOfDocument(db, document.id), ...orphans.flatMap((o) => o.children.reviews)].sort(
    (a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id)
  );
  const entityIds = new Set([
    ...mentionSpans.flatMap(({ content }) => (content.entityId ? [content.entityId] : [])),
    ...claimSpans.flatMap(({ content }) => (content.claimantId ? [content.claimantId] : []))
  ]);
  const entityContents = [...entityIds]
    .sort()
    .map((id) => getEntity(db, id))
    .filter((entity) => entity !== null);

  const bases = new ExchangeBases(db, document.id);
  const withRevisions = <C extends AnyContent>(kind: RecordKind, content: C) => {
    const revision = contentRevision(content);
    const exchanged = bases.revisionsOf(kind, content.id).slice(0, MAX_BASE_REVISIONS);
    return { ...content, revision, baseRevisions: exchanged.filter((r) => r !== revision) };
  };
  const entities = entityContents.map((entity) => withRevisions('entity', entity));
  const mentions: MentionRecord[] = mentionSpans.map(({ content, target, orphaned }) => ({ ...withRevisions('mention', content), target, orphaned }));
  const claims: ClaimRecord[] = claimSpans.map(({ content, target, orphaned }) => ({ ...withRevisions('claim', content), target, orphaned }));
  const evidence = evidenceContents.map((e) => withRevisions('evidence', e));
  const reviews = reviewContents.map((r) => withRevisions('review', r));

  const usedLabels = new Set(mentions.map((m) => m.type));
  const usedScales = new Map(claims.flatMap((c) => (c.verdict ? [[`${c.verdict.scaleId}@${c.verdict.scaleVersion}`, c.verdict]] : [])));
  const present = new Set([...mentions, ...claims, ...evidence, ...reviews].map((record) => record.id));

  const file: AnnotationFile = {
    format: FILE_FORMAT,
    formatVersion: FORMAT_VERSION,
    generator: options.generator,
    author: options.signer.userName,
    created: options.created,
    document: {
      id: document.id,
      title: document.title,
      source: document.source,
      format: document.format,
      text: document.text,
      sha256: document.sha256,
      blocks: document.blocks.map((block) => ({ ...block, start: index.toCodePoints(block.start), end: index.toCodePoints(block.end) }))
    },
    labelSet: listLabels(db).filter((label) => usedLabels.has(label.key)),
    verdictScales: [...usedScales.values()].map((v) => getScale(db, v.scaleId, v.scaleVersion)).filter((scale) => scale !== null),
    entities,
    mentions,
    claims,
    evidence,
    reviews,
    deleted: deletions(bases, present),
    history: historyForFile(db, document.id)
  };
  return { file, bases };
}

/** Records of the document that crossed an exchange and are gone now. */
function deletions(bases: ExchangeBases, present: Set<string>): Deletion[] {
  return bases
    .documentRecords()
    .filter(({ kind, id }) => (DELETABLE_TYPES as readonly string[]).includes(kind) && !present.has(id))
    .sort((a, b) => compare(a.kind, b.kind) || compare(a.id, b.id))
    .map(({ kind, id }) => ({ type: kind as Deletion['type'], id, revisions: bases.revisionsOf(kind, id).slice(0, MAX_BASE_REVISIONS) }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Span = { target: FileTarget; content: { id: string } };

function byPosition(a: Span, b: Span): number {
  const [, pa] = a.target.selector;
  const [, pb] = b.target.selector;
  return pa.start - pb.start || pb.end - pa.end || compare(a.content.id, b.content.id);
}

/** "<title>.factdesk.json" (see fileSlug). */
export const annotationFileName = (title: string) => `${fileSlug(title)}${SHARED_FILE_EXTENSION}`;

/** The title's slug (see titleSlug), "annotations" for a title without letters or digits. */
export const fileSlug = (title: string) => titleSlug(title) || 'annotations';
