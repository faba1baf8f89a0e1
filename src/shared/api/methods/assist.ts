/**
 * Assisted annotation: entity and claim suggestions, propagation, the entity registry,
 * gap restoration and library search. Suggestions are computed on request and never stored:
 * they become annotations only when accepted; rejections are remembered.
 */
import { z } from 'zod';
import { CLAIM_STATUSES, type Claim, type ClaimStatus, type Entity, type Mention } from '../../domain';
import type { ChangeSet } from '../changes';
import { id, method, offset, returns } from '../define';
import { SEARCH_KINDS, type SearchKind } from '../search-kinds';

const labelKey = z.string().min(1).max(60);
const span = { start: offset, end: offset };

/** Whether the text looked English: the suggestion models are English-only, and the UI says so. */
export interface SuggestionLanguage {
  language: 'en' | 'other';
  /** Share of the text's words that are common English function words (0..1). */
  englishShare: number;
  /** A sentence for the user, e.g. that suggestions are English-only. */
  notice: string;
}

export type SuggestionSource = 'library' | 'pattern' | 'compromise' | 'wink' | 'proper-noun';

export interface EntitySuggestion {
  start: number;
  end: number;
  exact: string;
  /** A label key of the library's label set. */
  type: string;
  /** The known entity this text names (suggestions from the library's own knowledge). */
  entityId: string | null;
  source: SuggestionSource;
  /** 0..1. */
  confidence: number;
  /** Why it is suggested, e.g. "person name (compromise)", "known in the library as Kim Kardashian West". */
  reason: string;
}

export interface EntitySuggestions extends SuggestionLanguage {
  documentId: string;
  /** In text order; never overlapping an existing mention, a masked gap or a rejected text. */
  suggestions: EntitySuggestion[];
  tookMs: number;
}

export interface SuggestionRejection {
  id: string;
  /** null: rejected everywhere in the library. */
  documentId: string | null;
  exact: string;
  type: string;
  /** Where it was rejected (null for library-wide rejections made without a span). */
  start: number | null;
  end: number | null;
  author: string;
  createdAt: string;
}

export interface ClaimReason {
  feature: string;
  label: string;
  weight: number;
  evidence: string[];
}

export interface ClaimSuggestion {
  start: number;
  end: number;
  exact: string;
  /** 0..1: the sum of the reasons' weights. */
  score: number;
  reasons: ClaimReason[];
  /** The reasons in one line, as stored in Claim.scoreReason on accept. */
  scoreReason: string;
  /** The person or organisation the sentence attributes the statement to. */
  claimant: { name: string; type: string; entityId: string | null; start: number; end: number } | null;
}

export interface ClaimSuggestions extends SuggestionLanguage {
  documentId: string;
  /** Best first; sentences already marked as claims are left out. */
  suggestions: ClaimSuggestion[];
  tookMs: number;
}

export interface PropagationExample {
  start: number;
  end: number;
  before: string;
  after: string;
}

export interface PropagationDocument {
  documentId: string;
  title: string;
  /** Occurrences that would be (or were) labelled. */
  count: number;
  examples: PropagationExample[];
}

export interface PropagationPreview {
  text: string;
  type: string;
  scope: 'document' | 'library';
  caseSensitive: boolean;
  total: number;
  documents: PropagationDocument[];
}

export interface PropagationOutcome {
  /** What changed in the mention's own document (one undo step there). */
  changes: ChangeSet;
  total: number;
  /** Per document, how many mentions were created; each document's part is one undo step in that document. */
  documents: Array<{ documentId: string; title: string; created: number }>;
}

export interface EntityStats {
  entity: Entity;
  /** Accepted mentions in documents of the library (not in the trash). */
  mentionCount: number;
  documentCount: number;
  /** Claims that name it as claimant. */
  claimCount: number;
}

export interface EntityRegistryPage {
  total: number;
  entities: EntityStats[];
}

export interface EntityPage {
  entity: Entity;
  /** Accepted mentions across documents, with the document title; prefix/suffix give the context. */
  mentions: Array<{ mention: Mention; documentTitle: string }>;
  claims: Array<{ claim: Claim; documentTitle: string }>;
  documents: Array<{ documentId: string; title: string; mentionCount: number }>;
}

export type GapCandidateSource = 'document' | 'suggestion' | 'name' | 'library';

export interface GapCandidate {
  name: string;
  type: string;
  entityId: string | null;
  source: GapCandidateSource;
  score: number;
  reasons: string[];
}

export interface GapRestoration {
  start: number;
  end: number;
  /** Up to 60 characters of the line before and after the gap. */
  before: string;
  after: string;
  /** The masked mention already on this gap, if any. */
  mentionId: string | null;
  restoration: string | null;
  entityId: string | null;
  /** The types the context expects, strongest first (weights 0..1). */
  expected: Array<{ type: string; weight: number }>;
  /** The context cues read, e.g. 'title "President" before the gap'. */
  cues: string[];
  /** Best first. */
  candidates: GapCandidate[];
}

export interface GapCandidates extends SuggestionLanguage {
  documentId: string;
  gaps: GapRestoration[];
}

/** A piece of a result snippet; `match` pieces are the words that matched the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The record: document, claim, evidence item or entity id. */
  id: string;
  documentId: string | null;
  documentTitle: string | null;
  /** The field the snippet comes from, e.g. "text", "explanation", "note", "name". */
  field: string;
  snippet: SnippetPart[];
  /** Lower is better (SQLite FTS5 bm25). */
  rank: number;
  claimStatus?: ClaimStatus;
  verdict?: string | null;
  entityType?: string;
}

export interface SearchResults {
  query: string;
  /** Hits per kind before limit/offset. */
  counts: Record<SearchKind, number>;
  total: number;
  hits: SearchHit[];
}

/** A suggestion as the client holds it: extra fields of an EntitySuggestion (exact, reason, …) are ignored. */
const suggestionRef = z.object({ ...span, type: labelKey });
const propagation = z.strictObject({
  mentionId: id,
  scope: z.enum(['document', 'library']),
  /** Default true: "Trump" does not match "trump". */
  caseSensitive: z.boolean().optional()
});

export const assistMethods = {
  'assist.entitySuggestions': method(z.strictObject({ documentId: id }), returns<EntitySuggestions>()),
  /** Accepts suggestions (one, or "all of this type") as accepted mentions: one undo step. */
  'assist.acceptEntities': method(
    z.strictObject({
      documentId: id,
      suggestions: z.array(suggestionRef.extend({ entityId: id.nullable().optional() })).min(1).max(5000)
    }),
    returns<ChangeSet>()
  ),
  /**
   * Remembers that these texts are not entities of these types: in this document, or with
   * `everywhere` in the whole library. Not an undo step; assist.unreject takes one back.
   */
  'assist.rejectEntities': method(
    z.strictObject({ documentId: id, suggestions: z.array(suggestionRef).min(1).max(5000), everywhere: z.boolean().optional() }),
    returns<SuggestionRejection[]>()
  ),
  'assist.rejections': method(z.strictObject({ documentId: id.optional() }), returns<SuggestionRejection[]>()),
  'assist.unreject': method(z.strictObject({ ids: z.array(id).min(1).max(5000) }), returns<{ removed: number }>()),

  'assist.propagationPreview': method(propagation, returns<PropagationPreview>()),
  /** Labels every unlabelled whole-word occurrence of the mention's text like the mention. */
  'assist.propagate': method(propagation, returns<PropagationOutcome>()),

  'assist.claimSuggestions': method(
    z.strictObject({ documentId: id, limit: z.number().int().min(1).max(1000).optional() }),
    returns<ClaimSuggestions>()
  ),
  /** Creates the claim with its score and reason, and its claimant (linked or created): one undo step. */
  'assist.acceptClaim': method(
    z.strictObject({
      documentId: id,
      ...span,
      score: z.number().min(0).max(1).optional(),
      scoreReason: z.string().max(2000).optional(),
      claimant: z
        .union([
          z.strictObject({ entityId: id }),
          z.strictObject({ name: z.string().trim().min(1).max(300), type: labelKey })
        ])
        .optional()
    }),
    returns<ChangeSet>()
  ),

  'assist.gapCandidates': method(z.strictObject({ documentId: id }), returns<GapCandidates>()),
  /** Restores a gap: creates (or updates) its masked mention with the name, linking or creating the entity: one undo step. */
  'assist.confirmGap': method(
    z.strictObject({
      documentId: id,
      ...span,
      restoration: z.string().trim().min(1).max(300),
      type: labelKey,
      entityId: id.nullable().optional(),
      /** Create an entity named after the restoration when no entityId is given. */
      createEntity: z.boolean().optional()
    }),
    returns<ChangeSet>()
  ),

  'entities.registry': method(
    z.strictObject({
      query: z.string().max(300).optional(),
      type: labelKey.optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional()
    }),
    returns<EntityRegistryPage>()
  ),
  'entities.page': method(z.strictObject({ id }), returns<EntityPage>()),
  /** Moves every mention and claimant link of `sourceId` to `targetId`, unites aliases and ids, deletes the source. */
  'entities.merge': method(
    z.strictObject({ targetId: id, sourceId: id, documentId: id.optional() }),
    returns<ChangeSet>()
  ),
  /** Moves the given mentions (and claimant links) of an entity to a new entity. */
  'entities.split': method(
    z.strictObject({
      id,
      mentionIds: z.array(id).max(10_000),
      claimIds: z.array(id).max(10_000).optional(),
      name: z.string().trim().min(1).max(300),
      type: labelKey.optional(),
      documentId: id.optional()
    }),
    returns<ChangeSet>()
  ),

  'search.library': method(
    z.strictObject({
      query: z.string().trim().min(1).max(500),
      kinds: z.array(z.enum(SEARCH_KINDS)).min(1).optional(),
      claimStatus: z.array(z.enum(CLAIM_STATUSES)).min(1).optional(),
      verdict: z.array(z.string().min(1).max(120)).min(1).optional(),
      entityId: id.optional(),
      entityType: labelKey.optional(),
      documentId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional()
    }),
    returns<SearchResults>()
  )
} as const;
