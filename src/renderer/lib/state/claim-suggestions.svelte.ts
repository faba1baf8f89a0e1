import type { ClaimSuggestion } from '../../../shared/api/methods/assist';
import { withoutOverlaps } from '../suggestions';
import { SuggestionRun } from './suggestion-run.svelte';

const LIMIT = 50;

/**
 * Check-worthy sentences of the open document, best first, each with the features that scored
 * it. Computed on request; one becomes a claim only when accepted.
 */
export class ClaimSuggestions extends SuggestionRun<ClaimSuggestion> {
  /** A request answered for this document (a new document forgets its language). */
  #loaded = $derived(this.language !== null);
  /** Sentences being accepted right now (by start offset). */
  #accepting = $state.raw<Set<number>>(new Set());

  /** Sentences not marked as claims since (an accepted one leaves, and comes back on undo). */
  #visible = $derived.by(() => withoutOverlaps(this.all, this.doc.claims));


  get loaded() {
    return this.#loaded;
  }

  get accepting() {
    return this.#accepting;
  }

  get visible() {
    return this.#visible;
  }

  protected forget(): void {
    this.#accepting = new Set();
  }

  async load(): Promise<void> {
    await this.request('Could not suggest claims', (documentId) =>
      this.api.call('assist.claimSuggestions', { documentId, limit: LIMIT })
    );
  }

  /** Marks the sentence as a claim, with its score, reasons and claimant: one undo step. Returns the claim's id. */
  async accept(suggestion: ClaimSuggestion): Promise<string | null> {
    const documentId = this.documentId;
    if (!documentId || this.#accepting.has(suggestion.start)) return null;
    this.#accepting = new Set(this.#accepting).add(suggestion.start);
    const claimant = suggestion.claimant;
    const changes = await this.doc.change(
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
    const accepting = new Set(this.#accepting);
    accepting.delete(suggestion.start);
    this.#accepting = accepting;
    return changes?.createdId ?? null;
  }
}
