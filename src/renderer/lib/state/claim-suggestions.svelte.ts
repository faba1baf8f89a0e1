import type { ClaimSuggestion, SuggestionLanguage } from '../../../shared/api/methods/assist';
import { api } from '../api-client';
import { withoutOverlaps } from '../suggestions';
import type { DocumentState } from './document.svelte';
import type { Notices } from './notices.svelte';

const LIMIT = 50;

/**
 * Check-worthy sentences of the open document, best first, each with the features that scored
 * it. Computed on request; one becomes a claim only when accepted.
 */
export class ClaimSuggestions {
  documentId = $state<string | null>(null);
  all = $state.raw<ClaimSuggestion[]>([]);
  language = $state.raw<SuggestionLanguage | null>(null);
  loaded = $state(false);
  busy = $state(false);
  startedAt = $state(0);
  /** Sentences being accepted right now (by start offset). */
  accepting = $state.raw<Set<number>>(new Set());

  /** Sentences not marked as claims since (an accepted one leaves, and comes back on undo). */
  visible = $derived.by(() => withoutOverlaps(this.all, this.#doc.claims));

  #doc: DocumentState;
  #notices: Notices;
  #seq = 0;

  constructor(doc: DocumentState, notices: Notices) {
    this.#doc = doc;
    this.#notices = notices;
  }

  follow(documentId: string | null): void {
    if (documentId === this.documentId) return;
    this.#seq++;
    this.documentId = documentId;
    this.all = [];
    this.language = null;
    this.loaded = false;
    this.busy = false;
    this.accepting = new Set();
  }

  async load(): Promise<void> {
    const documentId = this.#doc.document?.id;
    if (!documentId || this.busy) return;
    this.follow(documentId);
    const seq = ++this.#seq;
    this.busy = true;
    this.startedAt = Date.now();
    const result = await api.call('assist.claimSuggestions', { documentId, limit: LIMIT });
    if (seq !== this.#seq) return;
    this.busy = false;
    if (!result.ok) {
      this.#notices.error('Could not suggest claims', result.error);
      return;
    }
    const { suggestions, language, englishShare, notice } = result.value;
    this.all = suggestions;
    this.language = { language, englishShare, notice };
    this.loaded = true;
  }

  /** Marks the sentence as a claim, with its score, reasons and claimant: one undo step. Returns the claim's id. */
  async accept(suggestion: ClaimSuggestion): Promise<string | null> {
    const documentId = this.documentId;
    if (!documentId || this.accepting.has(suggestion.start)) return null;
    this.accepting = new Set(this.accepting).add(suggestion.start);
    const claimant = suggestion.claimant;
    const changes = await this.#doc.change(
      'assist.acceptClaim',
      {
        documentId,
        start: suggestion.start,
        end: suggestion.end,
        score: suggestion.score,
        scoreReason: suggestion.scoreReason,
        ...(claimant ? { claimant: claimant.entityId ? { entityId: claimant.entityId } : { name: claimant.name, type: claimant.type } } : {})
      },
      'Could not mark the claim'
    );
    const accepting = new Set(this.accepting);
    accepting.delete(suggestion.start);
    this.accepting = accepting;
    return changes?.createdId ?? null;
  }
}
