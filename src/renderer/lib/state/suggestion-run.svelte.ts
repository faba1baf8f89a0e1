import type { SuggestionLanguage } from '../../../shared/api/methods/assist';
import type { ApiClient } from '../../../shared/api/client';
import type { Result } from '../../../shared/result';
import type { DocumentState } from './document.svelte';
import type { Notices } from './notices.svelte';

/** What every suggestion method answers: the suggestions and the language they were computed for. */
type SuggestionAnswer<T> = SuggestionLanguage & { suggestions: T[] };

/**
 * One kind of suggestion for the open document: computed on request, never stored, forgotten when
 * another document opens. Subclasses add what they show and do with them.
 */
export abstract class SuggestionRun<T> {
  #documentId = $state<string | null>(null);
  /** As returned, less what was acted on since. */
  #all = $state.raw<T[]>([]);
  #language = $state.raw<SuggestionLanguage | null>(null);
  #busy = $state(false);
  /** When the running request started (for the elapsed-time display). */
  #startedAt = $state(0);

  protected readonly api: ApiClient;
  protected readonly doc: DocumentState;
  protected readonly notices: Notices;
  #seq = 0;

  constructor(api: ApiClient, doc: DocumentState, notices: Notices) {
    this.api = api;
    this.doc = doc;
    this.notices = notices;
  }

  get documentId() {
    return this.#documentId;
  }

  get all() {
    return this.#all;
  }

  get language() {
    return this.#language;
  }

  get busy() {
    return this.#busy;
  }

  get startedAt() {
    return this.#startedAt;
  }

  /** What subclasses keep of the suggestions after acting on some. */
  protected keep(all: T[]): void {
    this.#all = all;
  }

  /** Forgets everything when another document opens (or none is). */
  follow(documentId: string | null): void {
    if (documentId === this.#documentId) return;
    this.#seq++;
    this.#documentId = documentId;
    this.#all = [];
    this.#language = null;
    this.#busy = false;
    this.forget();
  }

  /** Clears what the subclass holds for the document left. */
  protected abstract forget(): void;

  /** Drops the running request: its answer is ignored. */
  protected drop(): void {
    this.#seq++;
    this.#busy = false;
  }

  /**
   * Asks for the open document's suggestions and keeps them; the answer, or null when there was no
   * document, a request was running, another document opened meanwhile or it failed (reported).
   */
  protected async request<A extends SuggestionAnswer<T>>(
    failure: string,
    ask: (documentId: string) => Promise<Result<A>>
  ): Promise<A | null> {
    const documentId = this.doc.document?.id;
    if (!documentId || this.#busy) return null;
    this.follow(documentId);
    const seq = ++this.#seq;
    this.#busy = true;
    this.#startedAt = Date.now();
    const result = await ask(documentId);
    if (seq !== this.#seq) return null;
    this.#busy = false;
    if (!result.ok) {
      this.notices.error(failure, result.error);
      return null;
    }
    const { suggestions, language, englishShare, notice } = result.value;
    this.#all = suggestions;
    this.#language = { language, englishShare, notice };
    return result.value;
  }
}
