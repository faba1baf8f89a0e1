/** The domain model (DESIGN §2). Offsets are UTF-16 code-unit indices into Document.text. */

export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'table-row' | 'footnote';

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  /** Heading level 1..6 for headings. */
  level?: number;
  /** 1-based page for blocks that came from a PDF. */
  page?: number;
  /** 0-based paragraph index in the source file. */
  index: number;
}

export interface DocumentSource {
  fileName: string;
  url?: string;
  publisher?: string;
  author?: string;
  publishedAt?: string;
  siteName?: string;
}

/** What every importer produces; the store adds id, hash and timestamps. */
export interface ImportedArticle {
  title: string;
  text: string;
  blocks: Block[];
  source: DocumentSource;
  format: DocumentFormat;
}

export interface ArticleDocument extends ImportedArticle {
  id: string;
  sha256: string;
  importedAt: string;
  updatedAt: string;
}

export interface DocumentSummary {
  id: string;
  title: string;
  format: DocumentFormat;
  fileName: string;
  importedAt: string;
  mentionCount: number;
  claimCount: number;
  verifiedCount: number;
  /** Open work: claims waiting for a reviewer, claims sent back with changes requested, merge conflicts to decide. */
  inReviewCount: number;
  changesRequestedCount: number;
  conflictCount: number;
  /** When the document was moved to the trash; null while it is in the library. */
  deletedAt: string | null;
}

export interface LabelType {
  key: string;
  name: string;
  color: string;
  hotkey: string;
}

export interface Entity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  description: string;
  externalIds: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** A record anchored to a span of a document, with the W3C TextQuoteSelector parts of that span. */
export interface AnchoredSpan {
  id: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type MentionOrigin = 'manual' | 'suggested' | 'propagated';
export type MentionStatus = 'suggested' | 'accepted' | 'rejected';

export interface Mention extends AnchoredSpan {
  type: string;
  entityId: string | null;
  origin: MentionOrigin;
  status: MentionStatus;
  /** A masked mention: its span is a masked-name gap (a run of spaces). */
  masked: boolean;
  restoration: string | null;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** A run of spaces where a name was removed (see shared gaps detection). */
export interface Gap {
  start: number;
  end: number;
}

export const CLAIM_STATUSES = ['open', 'researching', 'in review', 'verified', 'changes requested'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface Verdict {
  scaleId: string;
  scaleVersion: number;
  label: string;
}

export interface Claim extends AnchoredSpan {
  /** The claim as checked (normalised wording). */
  text: string;
  claimantId: string | null;
  claimDate: string | null;
  score: number | null;
  scoreReason: string | null;
  status: ClaimStatus;
  verdict: Verdict | null;
  explanation: string;
  /** The checker. */
  author: string;
  createdAt: string;
  updatedAt: string;
}

export const EVIDENCE_RELATIONS = ['supports', 'refutes', 'context'] as const;
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number];

export interface Evidence {
  id: string;
  claimId: string;
  relation: EvidenceRelation;
  title: string;
  url: string;
  archivedUrl: string;
  publisher: string;
  accessedAt: string;
  excerpt: string;
  note: string;
  position: number;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export const REVIEW_DECISIONS = ['approve', 'request changes', 'comment'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface Review {
  id: string;
  claimId: string;
  author: string;
  decision: ReviewDecision;
  comment: string;
  selfReview: boolean;
  createdAt: string;
}

export interface VerdictLabel {
  label: string;
  /** Position on the numeric scale; null for labels off the scale (Misleading, …). */
  value: number | null;
}

export interface VerdictScale {
  id: string;
  name: string;
  version: number;
  labels: VerdictLabel[];
}

export interface HistoryEntry {
  seq: number;
  groupId: string;
  documentId: string | null;
  at: string;
  user: string;
  action: string;
  table: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export interface Settings {
  userName: string;
  organisation: string;
  methodology: string;
  corrections: string;
  /** Where the fact checks are published (https://…); ClaimReview urls are built on it. */
  publishedBaseUrl: string;
  /** The verdict scale new verdicts are given on. */
  verdictScaleId: string;
}
