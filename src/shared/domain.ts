/** The domain model. Offsets are UTF-16 code-unit indices into Document.text. */

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

/** A label colour: `#rrggbb` only, so a colour can never carry other CSS into a style. */
export const LABEL_COLOR = /^#[0-9a-fA-F]{6}$/;

export interface LabelType {
  key: string;
  name: string;
  /** `#rrggbb` (LABEL_COLOR). */
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

/**
 * What a signed review's check found. Only a "valid" approval makes a claim verified: signed under
 * the key this library trusts for the reviewer, of exactly the claim's current published content,
 * by someone other than its checker (or a confirmed self-review).
 */
export const REVIEW_CHECKS = ['valid', 'outdated', 'unsigned', 'unknown key', 'key changed', 'bad signature', 'own claim'] as const;
export type ReviewCheck = (typeof REVIEW_CHECKS)[number];
/** What a review's signature alone says, whatever the claim says now or who checked it. */
export type SignatureCheck = Exclude<ReviewCheck, 'outdated' | 'own claim'>;

export interface ApprovalState {
  reviewId: string;
  reviewer: string;
  at: string;
  check: ReviewCheck;
  /** Short fingerprint of the key the approval was signed with; null when unsigned. */
  keyFingerprint: string | null;
  /** For an outdated approval: what changed since, named for a reader ("explanation"). */
  changed: string[];
}

/** Derived on read, never stored or received: why a claim is (or is no longer) verified. */
export interface ClaimVerification {
  /** The latest approval and its check; null when nobody approved the claim. */
  approval: ApprovalState | null;
  /** The check of every approval and change request, by review id. */
  checks: Record<string, ReviewCheck>;
  /** Its checker, then everyone else who changed what an approval covers (read for claims in review or reviewed): their approval is a self-review. */
  checkers: string[];
}

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
  /** Added when the claim is read through the API; status is then the derived one. */
  verification?: ClaimVerification;
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
  /** Canonical JSON of the published content the reviewer saw; null for an unsigned review. */
  content: string | null;
  /** SHA-256 of `content`. */
  contentHash: string | null;
  /** The reviewer's Ed25519 public key (base64 SPKI) and signature (base64). */
  publicKey: string | null;
  signature: string | null;
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
  /** Set when the change applied a shared file: its name and who sent it. */
  receivedFrom: { fileName: string; sender: string } | null;
  /**
   * For a review received in a shared file: its signature checked against the keys this library
   * trusts now. Derived on read, never stored or received.
   */
  signature?: SignatureCheck;
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
