/**
 * The one API contract: every method's input schema (validated at runtime by the service)
 * and its output type. Electron IPC, the browser-mode HTTP API and the CLI all go through it.
 */
import { z } from 'zod';
import type {
  ArticleDocument,
  Claim,
  DocumentSummary,
  Entity,
  Evidence,
  Gap,
  LabelType,
  Mention,
  Review,
  Settings,
  VerdictScale
} from '../domain';
import { CLAIM_STATUSES, EVIDENCE_RELATIONS, REVIEW_DECISIONS } from '../domain';
import type { Result } from '../result';
import type { ChangeSet, UndoState } from './changes';
import { id, isoDate, longText, method, offset, returns, shortText } from './define';
import { assistMethods } from './methods/assist';
import { documentPartMethods } from './methods/document-parts';
import { maintenanceMethods } from './methods/maintenance';
import { exportMethods } from './methods/export';
import { exchangeMethods } from './methods/exchange';
import { verificationMethods } from './methods/verification';
import { importFileInput, importMethods } from './methods/imports';

const span = { start: offset, end: offset };

/** SHA-256 of a claim's published content, as claims.reviewView gives it. */
const reviewedContentHash = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'The content hash is the 64 lower-case hex digits claims.reviewView gives.')
  .optional();

/** Empty, or an absolute http(s) address. */
const webAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(value), {
    message: 'Enter a full web address starting with https:// (for example https://example.org/article).'
  });

const evidenceFields = {
  relation: z.enum(EVIDENCE_RELATIONS),
  title: shortText,
  url: z.string().max(2000),
  archivedUrl: z.string().max(2000),
  publisher: shortText,
  accessedAt: isoDate,
  excerpt: longText,
  note: longText
};

const entityFields = {
  name: z.string().trim().min(1).max(300),
  type: z.string().min(1).max(60),
  aliases: z.array(z.string().trim().min(1).max(300)).max(200),
  description: z.string().max(5000),
  externalIds: z.record(z.string().max(60), z.string().max(2000))
};

export interface DocumentView {
  document: ArticleDocument;
  mentions: Mention[];
  claims: Claim[];
  evidence: Evidence[];
  reviews: Review[];
  /** Entities linked from this document's mentions or claims. */
  entities: Entity[];
  gaps: Gap[];
  undo: UndoState;
}

export interface ImportOutcome {
  document: DocumentSummary;
  /** True when the same text (same SHA-256) was already in the library: the existing document is returned. */
  existing: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'web';
}

/** Methods of the foundation: settings, documents, annotations, workflow, history. */
const coreMethods = {
  'app.info': method(z.strictObject({}), returns<AppInfo>()),
  /**
   * The answers to the calls a window starts with (startCalls in start-calls.ts, in that order), each
   * exactly what that call alone returns now, a refusal included.
   */
  'app.start': method(z.strictObject({ documentId: id.optional() }), returns<Result<unknown>[]>()),

  'settings.get': method(z.strictObject({}), returns<Settings>()),
  'settings.update': method(
    z.strictObject({
      userName: z.string().trim().min(1).max(120).optional(),
      organisation: shortText.optional(),
      methodology: longText.optional(),
      corrections: longText.optional(),
      publishedBaseUrl: webAddress.optional(),
      verdictScaleId: id.optional()
    }),
    returns<Settings>()
  ),

  'labels.list': method(z.strictObject({}), returns<LabelType[]>()),
  'scales.list': method(z.strictObject({}), returns<VerdictScale[]>()),

  'documents.list': method(z.strictObject({}), returns<DocumentSummary[]>()),
  /** Imports a file and waits for it (the same job as imports.start, without progress). */
  'documents.import': method(importFileInput, returns<ImportOutcome>()),
  'documents.get': method(z.strictObject({ id }), returns<DocumentView>()),
  'documents.delete': method(z.strictObject({ id }), returns<{ id: string }>()),
  /** Corrects the details the importer found (or could not find); empty text clears a detail. */
  'documents.update': method(
    z.strictObject({
      id,
      title: z.string().trim().min(1, 'A document needs a title.').max(300).optional(),
      url: webAddress.optional(),
      publisher: z.string().trim().max(300).optional(),
      author: z.string().trim().max(300).optional(),
      publishedAt: z
        .string()
        .trim()
        .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), {
          message: 'Enter the published date as a date (year-month-day).'
        })
        .optional()
    }),
    returns<ArticleDocument>()
  ),

  'entities.list': method(
    z.strictObject({ query: z.string().max(300).optional(), limit: z.number().int().min(1).max(1000).optional() }),
    returns<Entity[]>()
  ),
  'entities.create': method(
    z.strictObject({
      documentId: id.optional(),
      ...entityFields,
      aliases: entityFields.aliases.optional(),
      description: entityFields.description.optional(),
      externalIds: entityFields.externalIds.optional()
    }),
    returns<ChangeSet>()
  ),
  'entities.update': method(
    z.strictObject({
      id,
      documentId: id.optional(),
      name: entityFields.name.optional(),
      type: entityFields.type.optional(),
      aliases: entityFields.aliases.optional(),
      description: entityFields.description.optional(),
      externalIds: entityFields.externalIds.optional()
    }),
    returns<ChangeSet>()
  ),

  'mentions.create': method(
    z.strictObject({
      documentId: id,
      ...span,
      type: z.string().min(1).max(60),
      entityId: id.nullable().optional(),
      masked: z.boolean().optional(),
      restoration: z.string().max(300).nullable().optional()
    }),
    returns<ChangeSet>()
  ),
  'mentions.update': method(
    z.strictObject({
      id,
      type: z.string().min(1).max(60).optional(),
      entityId: id.nullable().optional(),
      restoration: z.string().max(300).nullable().optional()
    }),
    returns<ChangeSet>()
  ),
  'mentions.delete': method(z.strictObject({ id }), returns<ChangeSet>()),
  /** Links every unlinked mention of the same text and type in the document to this mention's entity. */
  'mentions.linkSameText': method(z.strictObject({ id }), returns<ChangeSet>()),

  'claims.create': method(
    z.strictObject({ documentId: id, ...span, text: longText.optional() }),
    returns<ChangeSet>()
  ),
  'claims.update': method(
    z.strictObject({
      id,
      text: longText.optional(),
      claimantId: id.nullable().optional(),
      claimDate: isoDate.nullable().optional(),
      verdictLabel: z.string().min(1).max(120).nullable().optional(),
      explanation: longText.optional()
    }),
    returns<ChangeSet>()
  ),
  'claims.transition': method(
    z.strictObject({
      id,
      to: z.enum(CLAIM_STATUSES),
      comment: longText.optional(),
      /** A solo user approving their own claim must confirm it explicitly. */
      confirmSelfReview: z.boolean().optional(),
      /** To "verified" or "changes requested": as for reviews.create. */
      contentHash: reviewedContentHash
    }),
    returns<ChangeSet>()
  ),
  'claims.delete': method(z.strictObject({ id }), returns<ChangeSet>()),

  'evidence.create': method(
    z.strictObject({
      claimId: id,
      relation: evidenceFields.relation,
      title: evidenceFields.title.optional(),
      url: evidenceFields.url.optional(),
      archivedUrl: evidenceFields.archivedUrl.optional(),
      publisher: evidenceFields.publisher.optional(),
      accessedAt: evidenceFields.accessedAt.optional(),
      excerpt: evidenceFields.excerpt.optional(),
      note: evidenceFields.note.optional()
    }),
    returns<ChangeSet>()
  ),
  'evidence.update': method(
    z.strictObject({
      id,
      relation: evidenceFields.relation.optional(),
      title: evidenceFields.title.optional(),
      url: evidenceFields.url.optional(),
      archivedUrl: evidenceFields.archivedUrl.optional(),
      publisher: evidenceFields.publisher.optional(),
      accessedAt: evidenceFields.accessedAt.optional(),
      excerpt: evidenceFields.excerpt.optional(),
      note: evidenceFields.note.optional()
    }),
    returns<ChangeSet>()
  ),
  'evidence.delete': method(z.strictObject({ id }), returns<ChangeSet>()),

  'reviews.create': method(
    z.strictObject({
      claimId: id,
      decision: z.enum(REVIEW_DECISIONS),
      comment: longText.optional(),
      confirmSelfReview: z.boolean().optional(),
      /**
       * The content hash of the claim as the reviewer was shown it (claims.reviewView): an approval or
       * change request is refused when the claim has changed since. A comment ignores it.
       */
      contentHash: reviewedContentHash
    }),
    returns<ChangeSet>()
  ),

  'history.undo': method(z.strictObject({ documentId: id }), returns<ChangeSet>()),
  'history.redo': method(z.strictObject({ documentId: id }), returns<ChangeSet>())
} as const;

/** Every method; later areas add their method groups here. */
export const contract = {
  ...coreMethods,
  ...documentPartMethods,
  ...importMethods,
  ...maintenanceMethods,
  ...verificationMethods,
  ...exportMethods,
  ...exchangeMethods,
  ...assistMethods
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
