import type { DocumentState } from './document.svelte';

/** Where to land in a document opened from elsewhere (a search hit, an entity's mention). */
export type FocusTarget =
  | { kind: 'mention'; id: string }
  | { kind: 'claim'; id: string }
  /** The claim an evidence item belongs to. */
  | { kind: 'evidence'; id: string }
  /** The first occurrence of these words, shown in the find bar. */
  | { kind: 'text'; query: string };

/**
 * A pending "open the document at …": set before the document view opens, carried out by it once
 * the document's annotations have arrived.
 */
export class DocumentFocus {
  pending = $state.raw<{ documentId: string; target: FocusTarget } | null>(null);

  request(documentId: string, target: FocusTarget): void {
    this.pending = { documentId, target };
  }

  /** The target, once `doc` shows its document with the annotations loaded; taken only once. */
  take(doc: DocumentState): FocusTarget | null {
    const pending = this.pending;
    if (!pending || doc.document?.id !== pending.documentId || doc.loading || doc.annotationsPending) return null;
    this.pending = null;
    return pending.target;
  }
}
