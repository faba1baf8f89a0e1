import type { ApiClient } from '../../../shared/api/client';
import type { GapCandidates, GapRestoration as Restoration } from '../../../shared/api/methods/assist';
import type { Mention } from '../../../shared/domain';
import type { DocumentState, Span } from './document.svelte';
import type { Notices } from './notices.svelte';

/**
 * Ranked candidate names for the open document's masked gaps. Computed for all gaps at once (one
 * pass over the text); asked for again when the document's mentions changed, since the names it
 * already confirms rank first.
 */
export class GapRestoration {
  #result = $state.raw<GapCandidates | null>(null);
  #busy = $state(false);
  /** Gap being restored right now (its start). */
  #confirming = $state<number | null>(null);

  #doc: DocumentState;
  #notices: Notices;
  /** The mentions the result was computed from. */
  #basis: Mention[] | null = null;
  #seq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient, doc: DocumentState, notices: Notices) {
    this.#api = api;
    this.#doc = doc;
    this.#notices = notices;
  }

  get result() {
    return this.#result;
  }

  get busy() {
    return this.#busy;
  }

  get confirming() {
    return this.#confirming;
  }

  /** The ranking for one gap, once loaded. */
  forGap(gap: Span): Restoration | null {
    return this.#result?.gaps.find((g) => g.start === gap.start && g.end === gap.end) ?? null;
  }

  /** Loads the candidates unless those of the current mentions are already here. */
  async load(): Promise<void> {
    const documentId = this.#doc.document?.id;
    const mentions = this.#doc.mentions;
    if (!documentId || (this.#result?.documentId === documentId && this.#basis === mentions)) return;
    if (this.#result && this.#result.documentId !== documentId) this.#result = null;
    const seq = ++this.#seq;
    this.#busy = true;
    const result = await this.#api.call('assist.gapCandidates', { documentId });
    if (seq !== this.#seq) return;
    this.#busy = false;
    if (!result.ok) {
      this.#notices.error('Could not rank names for the masked gaps', result.error);
      return;
    }
    this.#result = result.value;
    this.#basis = mentions;
  }

  /**
   * Restores the gap as `name`: its masked mention is created (or updated) and linked to the
   * entity — the candidate's, or one of that name (created when new). One undo step.
   */
  async confirm(gap: Span, name: string, type: string, entityId: string | null): Promise<boolean> {
    const documentId = this.#doc.document?.id;
    if (!documentId) return false;
    this.#confirming = gap.start;
    const changes = await this.#doc.change(
      'assist.confirmGap',
      { documentId, start: gap.start, end: gap.end, restoration: name, type, ...(entityId ? { entityId } : { createEntity: true }) },
      `Could not restore the gap as “${name}”`
    );
    this.#confirming = null;
    if (!changes) return false;
    const mention = this.#doc.mentions.find((m) => m.masked && m.start === gap.start && m.end === gap.end);
    if (mention) this.#doc.select({ kind: 'mention', id: mention.id, start: gap.start, end: gap.end });
    return true;
  }
}
