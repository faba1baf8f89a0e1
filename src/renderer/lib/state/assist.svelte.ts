import { createContext } from 'svelte';
import type { ApiClient } from '../../../shared/api/client';
import { ClaimSuggestions } from './claim-suggestions.svelte';
import type { DocumentFocus } from './document-focus.svelte';
import type { DocumentState } from './document.svelte';
import { EntitySuggestions } from './entity-suggestions.svelte';
import { DocumentFind } from './find.svelte';
import { GapRestoration } from './gap-restoration.svelte';
import type { Notices } from './notices.svelte';

/** What the document view's side pane shows: the selection, the entity suggestions, or the claims to check. */
export type SidePane = 'inspector' | 'suggestions' | 'claims';

/**
 * The assisted-annotation features of the open document (suggestions, gap restoration, find),
 * shared with the components that need them through context.
 */
export class Assist {
  readonly doc: DocumentState;
  readonly notices: Notices;
  readonly focus: DocumentFocus;
  readonly suggestions: EntitySuggestions;
  readonly claims: ClaimSuggestions;
  readonly gaps: GapRestoration;
  readonly find: DocumentFind;
  #pane = $state<SidePane>('inspector');
  /** A span to select in the article as if dragged over (a claim suggestion's "Show in text"); a new object every time. */
  #textRequest = $state.raw<{ start: number; end: number } | null>(null);

  constructor(api: ApiClient, doc: DocumentState, notices: Notices, focus: DocumentFocus) {
    this.doc = doc;
    this.notices = notices;
    this.focus = focus;
    this.suggestions = new EntitySuggestions(api, doc, notices);
    this.claims = new ClaimSuggestions(api, doc, notices);
    this.gaps = new GapRestoration(api, doc, notices);
    this.find = new DocumentFind(doc);
  }

  get pane() {
    return this.#pane;
  }

  get textRequest() {
    return this.#textRequest;
  }

  showPane(pane: SidePane): void {
    this.#pane = pane;
  }

  /** Selects text[start, end) in the article, scrolled into view, ready to be marked. */
  selectText(start: number, end: number): void {
    this.#textRequest = { start, end };
  }

  /** The document view shows `documentId` (null: none): what belonged to another document is dropped. */
  follow(documentId: string | null): void {
    if (documentId !== this.suggestions.documentId) this.#pane = 'inspector';
    this.suggestions.follow(documentId);
    this.claims.follow(documentId);
    this.find.follow(documentId);
  }
}

export const [getAssist, setAssist] = createContext<Assist>();
