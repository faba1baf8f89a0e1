/**
 * The shared annotation file (`*.factdesk.json`, format version 1) as a zod schema: what the
 * reader accepts and the writer produces. resources/schemas/factdesk-annotation-file.schema.json
 * is generated from it (scripts/write-annotation-file-schema.ts; a test keeps them in step).
 *
 * Every record carries its id, a `revision` (SHA-256 of its canonical content, see revision.ts)
 * and `baseRevisions`: the revisions it had when it last crossed exchanges, newest first, which
 * lets the receiver find the common ancestor of a three-way merge. Mentions and claims carry W3C
 * selectors: a TextQuoteSelector and a TextPositionSelector counted in Unicode code points.
 */
import { z } from 'zod';
import {
  CLAIM_STATUSES,
  EVIDENCE_RELATIONS,
  LABEL_COLOR,
  REVIEW_DECISIONS,
  type Block,
  type DocumentFormat,
  type DocumentSource,
  type LabelType,
  type VerdictScale
} from '../../shared/domain';
import { MAX_BASE_REVISIONS, MAX_HISTORY_ENTRIES, MAX_RECORDS } from './limits';

export const FILE_FORMAT = 'factdesk-annotation-file';
export const FORMAT_VERSION = 1;

const recordId = z.string().min(1).max(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits (SHA-256)');
const timestamp = z.string().max(40);
const person = z.string().min(1).max(200);
const longText = z.string().max(100_000);

const revisionFields = {
  revision: sha256.describe('SHA-256 of the canonical JSON of the record without revision, baseRevisions, target and orphaned'),
  baseRevisions: z
    .array(sha256)
    .max(MAX_BASE_REVISIONS)
    .describe('revisions this record had when it last crossed exchanges, newest first; empty if never exchanged')
};

/** The longest quote and quote context a selector holds: they bound the searches that place an annotation. */
export const MAX_QUOTE = 100_000;
export const MAX_QUOTE_CONTEXT = 1000;

const textQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE),
  prefix: z.string().max(MAX_QUOTE_CONTEXT),
  suffix: z.string().max(MAX_QUOTE_CONTEXT)
});

const textPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(1)
  })
  .describe('offsets in Unicode code points (not UTF-16 units)');

const target = z.strictObject({
  source: z.string().min(1).max(2000),
  selector: z.tuple([textQuoteSelector, textPositionSelector])
});

const placement = {
  target,
  orphaned: z
    .boolean()
    .describe('true when the sender could not place it in its text; the position is then only a hint')
};

/** Content fields of each record type: what the revision covers and what a merge compares. */
export const ENTITY_FIELDS = {
  id: recordId,
  name: z.string().min(1).max(300),
  type: z.string().min(1).max(60),
  aliases: z.array(z.string().min(1).max(300)).max(200),
  description: z.string().max(5000),
  externalIds: z.record(z.string().min(1).max(60), z.string().max(2000)),
  createdAt: timestamp,
  updatedAt: timestamp
};

export const MENTION_FIELDS = {
  id: recordId,
  type: z.string().min(1).max(60),
  entityId: recordId.nullable(),
  origin: z.enum(['manual', 'suggested', 'propagated']),
  status: z.enum(['suggested', 'accepted', 'rejected']),
  masked: z.boolean(),
  restoration: z.string().max(300).nullable(),
  author: person,
  createdAt: timestamp,
  updatedAt: timestamp
};

const verdict = z.strictObject({
  scaleId: recordId,
  scaleVersion: z.number().int().min(1),
  label: z.string().min(1).max(120)
});

export const CLAIM_FIELDS = {
  id: recordId,
  text: longText,
  claimantId: recordId.nullable(),
  claimDate: timestamp.nullable(),
  score: z.number().nullable(),
  scoreReason: z.string().max(5000).nullable(),
  status: z.enum(CLAIM_STATUSES),
  verdict: verdict.nullable(),
  explanation: longText,
  author: person,
  createdAt: timestamp,
  updatedAt: timestamp
};

export const EVIDENCE_FIELDS = {
  id: recordId,
  claimId: recordId,
  relation: z.enum(EVIDENCE_RELATIONS),
  title: z.string().max(500),
  url: z.string().max(2000),
  archivedUrl: z.string().max(2000),
  publisher: z.string().max(500),
  accessedAt: timestamp,
  excerpt: longText,
  note: longText,
  position: z.number().int().min(0),
  author: person,
  createdAt: timestamp,
  updatedAt: timestamp
};

export const REVIEW_FIELDS = {
  id: recordId,
  claimId: recordId,
  author: person,
  decision: z.enum(REVIEW_DECISIONS),
  comment: longText,
  selfReview: z.boolean(),
  createdAt: timestamp,
  content: z.string().max(2_000_000).nullable().describe("canonical JSON of the claim's published content the reviewer saw"),
  contentHash: sha256.nullable().describe('SHA-256 of content'),
  publicKey: z.string().max(200).nullable().describe("the reviewer's Ed25519 public key (base64 SPKI DER)"),
  signature: z.string().max(200).nullable().describe('Ed25519 signature (base64) over claim id, decision, comment, content hash, reviewer, time and self-review')
};

const entityRecord = z.strictObject({ ...ENTITY_FIELDS, ...revisionFields });
const mentionRecord = z.strictObject({ ...MENTION_FIELDS, ...revisionFields, ...placement });
const claimRecord = z.strictObject({ ...CLAIM_FIELDS, ...revisionFields, ...placement });
const evidenceRecord = z.strictObject({ ...EVIDENCE_FIELDS, ...revisionFields });
const reviewRecord = z.strictObject({ ...REVIEW_FIELDS, ...revisionFields });

export const DELETABLE_TYPES = ['mention', 'claim', 'evidence', 'review'] as const;

const deletion = z
  .strictObject({
    type: z.enum(DELETABLE_TYPES),
    id: recordId,
    revisions: z.array(sha256).min(1).max(MAX_BASE_REVISIONS)
  })
  .describe('a record the sender deleted after it had crossed an exchange, with its exchanged revisions, newest first');

const jsonValue = z.json();

const historyEntry = z.strictObject({
  group: recordId.describe('the change group (one user action) this entry belongs to'),
  at: timestamp,
  user: z.string().max(200),
  action: z.string().max(200),
  table: z.string().max(60),
  recordId: z.string().max(200),
  before: jsonValue,
  after: jsonValue
});

const documentSource = z.strictObject({
  fileName: z.string().max(255),
  url: z.string().max(2000).optional(),
  publisher: z.string().max(500).optional(),
  author: z.string().max(500).optional(),
  publishedAt: z.string().max(40).optional(),
  siteName: z.string().max(500).optional()
});

const block = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  kind: z.enum(['paragraph', 'heading', 'list-item', 'quote', 'table-row', 'footnote']),
  level: z.number().int().min(1).max(6).optional(),
  page: z.number().int().min(1).optional(),
  index: z.number().int().min(0)
});

const documentFormat = z.enum(['txt', 'md', 'html', 'docx', 'pdf']);

const labelType = z.strictObject({
  key: z.string().min(1).max(60),
  name: z.string().min(1).max(120),
  color: z.string().regex(LABEL_COLOR, 'a label colour is written #rrggbb'),
  hotkey: z.string().max(20)
});

const verdictScale = z.strictObject({
  id: recordId,
  name: z.string().min(1).max(120),
  version: z.number().int().min(1),
  labels: z.array(z.strictObject({ label: z.string().min(1).max(120), value: z.number().int().nullable() })).min(1).max(50)
});

const fileSignature = z
  .strictObject({
    author: person.describe('who signed the file: its author'),
    publicKey: z.string().max(200).describe("the author's Ed25519 public key (base64 SPKI DER)"),
    value: z.string().max(200).describe('Ed25519 signature (base64) over the canonical JSON of the file without this block')
  })
  .describe('the author\'s signature; files written before files were signed have none');

export const annotationFileSchema = z
  .strictObject({
    format: z.literal(FILE_FORMAT),
    formatVersion: z.literal(FORMAT_VERSION),
    generator: z.strictObject({ name: z.string().min(1).max(100), version: z.string().min(1).max(40) }),
    author: z.string().min(1).max(200).describe('who wrote (packed) the file'),
    created: timestamp.describe('when the file was written'),
    document: z.strictObject({
      id: recordId,
      title: z.string().max(1000),
      source: documentSource,
      format: documentFormat,
      text: z.string().min(1).describe('the article text exactly as annotated; offsets refer to it'),
      sha256: sha256.describe('SHA-256 of the UTF-8 encoded text'),
      blocks: z.array(block)
    }),
    labelSet: z.array(labelType).describe('the mention labels the file uses'),
    verdictScales: z.array(verdictScale).describe('the verdict scales (and versions) the file uses'),
    entities: z.array(entityRecord).max(MAX_RECORDS),
    mentions: z.array(mentionRecord).max(MAX_RECORDS).describe('masked gaps included (masked: true, with a restoration)'),
    claims: z.array(claimRecord).max(MAX_RECORDS),
    evidence: z.array(evidenceRecord).max(MAX_RECORDS),
    reviews: z.array(reviewRecord).max(MAX_RECORDS).describe('reviews and comments (decision "comment")'),
    deleted: z.array(deletion).max(MAX_RECORDS),
    history: z.array(historyEntry).max(MAX_HISTORY_ENTRIES).describe('the change log of the document, oldest first'),
    signature: fileSignature.optional()
  })
  .meta({
    title: 'Factdesk shared annotation file',
    description:
      'An article with its entities, mentions, claims, evidence, reviews and history, as Factdesk exchanges them (*.factdesk.json).'
  });

export type AnnotationFile = z.infer<typeof annotationFileSchema>;
export type EntityRecord = z.infer<typeof entityRecord>;
export type MentionRecord = z.infer<typeof mentionRecord>;
export type ClaimRecord = z.infer<typeof claimRecord>;
export type EvidenceRecord = z.infer<typeof evidenceRecord>;
export type ReviewRecord = z.infer<typeof reviewRecord>;
export type FileTarget = z.infer<typeof target>;
export type Deletion = z.infer<typeof deletion>;
export type FileSignature = z.infer<typeof fileSignature>;
export type HistoryItem = z.infer<typeof historyEntry>;

// The file's document parts must stay assignable to the domain types they are stored as.
type Assignable<A, B extends A> = B;
export type DomainAlignment = [
  Assignable<DocumentSource, z.infer<typeof documentSource>>,
  Assignable<Block, z.infer<typeof block>>,
  Assignable<DocumentFormat, z.infer<typeof documentFormat>>,
  Assignable<LabelType, z.infer<typeof labelType>>,
  Assignable<VerdictScale, z.infer<typeof verdictScale>>
];
