import { findMatches, firstMatchFrom, type TextMatch } from '../text/find-matches';
import type { DocumentState } from './document.svelte';

/** Find in the open document (Ctrl+F): the query, every match in the text, and the current one. */
export class DocumentFind {
  #open = $state(false);
  #query = $state('');
  #matchCase = $state(false);
  /** Index into matches of the match shown; -1 when there is none. */
  #current = $state(-1);
  /** Counts requests to move the focus into the find field (Ctrl+F again while open). */
  #focusRequests = $state(0);

  #search = $derived.by(() => findMatches(this.#doc.document?.text ?? '', this.#query, { matchCase: this.#matchCase }));
  #matches = $derived<TextMatch[]>(this.#search.matches);
  #truncated = $derived(this.#search.truncated);
  #currentMatch = $derived<TextMatch | null>(this.#matches[this.#current] ?? null);

  #doc: DocumentState;
  #documentId: string | null = null;

  constructor(doc: DocumentState) {
    this.#doc = doc;
  }

  get open() {
    return this.#open;
  }

  get query() {
    return this.#query;
  }

  get matchCase() {
    return this.#matchCase;
  }

  get current() {
    return this.#current;
  }

  get focusRequests() {
    return this.#focusRequests;
  }

  get matches() {
    return this.#matches;
  }

  get truncated() {
    return this.#truncated;
  }

  get currentMatch() {
    return this.#currentMatch;
  }

  /** Another document opened: the find bar closes and forgets its query. */
  follow(documentId: string | null): void {
    if (documentId === this.#documentId) return;
    this.#documentId = documentId;
    this.#open = false;
    this.#query = '';
    this.#current = -1;
  }

  /** Opens the find bar; with a query, the first match from offset `from` (or the selection) is current. */
  show(query?: string, from?: number): void {
    this.#open = true;
    if (query !== undefined) this.setQuery(query, from);
    this.#focusRequests++;
  }

  close(): void {
    this.#open = false;
  }

  /** A new query: the first match from `from` (else the selected annotation, else the top) becomes current. */
  setQuery(query: string, from?: number): void {
    this.#query = query;
    this.#show(this.#matches.length ? firstMatchFrom(this.#matches, from ?? this.#doc.selected?.start ?? 0) : -1);
  }

  setMatchCase(matchCase: boolean): void {
    this.#matchCase = matchCase;
    this.setQuery(this.#query);
  }

  step(direction: 1 | -1): void {
    const count = this.#matches.length;
    if (count === 0) return;
    this.#show(this.#current === -1 ? 0 : (this.#current + direction + count) % count);
  }

  /** The match shown is also where a keyboard selection starts, after the find bar closes too. */
  #show(index: number): void {
    this.#current = index;
    const match = this.#matches[index];
    if (match) this.#doc.placeCaret(match.start);
  }
}
