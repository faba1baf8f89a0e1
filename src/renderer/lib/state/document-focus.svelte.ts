import type { FocusTarget } from '../search-hits';
import type { DocumentState } from './document.svelte';

export type { FocusTarget };

/**
 * A pending "open the document at …": set before the document view opens, carried out by it once
 * the document's annotations have arrived.
 */
export class DocumentFocus {
  #pending = $state.raw<{ documentId: string; target: FocusTarget } | null>(null);

  request(documentId: string, target: FocusTarget): void {
    this.#pending = { documentId, target };
  }

  /** The target, once `doc` shows its document with the annotations loaded; taken only once. */
  take(doc: DocumentState): FocusTarget | null {
    const pending = this.#pending;
    if (!pending || doc.document?.id !== pending.documentId || doc.loading || doc.annotationsPending) return null;
    this.#pending = null;
    return pending.target;
  }
}
