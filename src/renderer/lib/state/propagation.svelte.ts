import type { ApiClient } from '../../../shared/api/client';
import type { PropagationPreview } from '../../../shared/api/methods/assist';
import type { Mention } from '../../../shared/domain';
import { plural } from '../format';
import type { DocumentState } from './document.svelte';
import type { Notices } from './notices.svelte';

export type PropagationScope = 'document' | 'library';

/**
 * "Label all occurrences…" of one mention: the options, a preview of what would be labelled, and
 * applying it. In the mention's own document it is one undo step.
 */
export class Propagation {
  #scope = $state<PropagationScope>('document');
  #caseSensitive = $state(true);
  #preview = $state.raw<PropagationPreview | null>(null);
  #previewing = $state(false);
  /** Why no preview could be made (shown in place of it). */
  #problem = $state<string | null>(null);
  #applying = $state(false);

  #doc: DocumentState;
  #notices: Notices;
  #mention: Mention;
  #seq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient, doc: DocumentState, notices: Notices, mention: Mention) {
    this.#api = api;
    this.#doc = doc;
    this.#notices = notices;
    this.#mention = mention;
  }

  get scope() {
    return this.#scope;
  }

  get caseSensitive() {
    return this.#caseSensitive;
  }

  get preview() {
    return this.#preview;
  }

  get previewing() {
    return this.#previewing;
  }

  get problem() {
    return this.#problem;
  }

  get applying() {
    return this.#applying;
  }

  setScope(scope: PropagationScope): void {
    this.#scope = scope;
  }

  setCaseSensitive(caseSensitive: boolean): void {
    this.#caseSensitive = caseSensitive;
  }

  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.#previewing = true;
    this.#problem = null;
    const result = await this.#api.call('assist.propagationPreview', this.#input());
    if (seq !== this.#seq) return;
    this.#previewing = false;
    if (result.ok) this.#preview = result.value;
    else {
      this.#preview = null;
      this.#problem = result.error.message;
    }
  }

  /** Labels the occurrences; true when done (the outcome is announced). */
  async apply(): Promise<boolean> {
    this.#applying = true;
    const result = await this.#api.call('assist.propagate', this.#input());
    this.#applying = false;
    if (!result.ok) {
      this.#notices.error(`Could not label the occurrences of “${this.#mention.exact}”`, result.error);
      return false;
    }
    const outcome = result.value;
    this.#doc.applyChanges(outcome.changes);
    const here = outcome.documents.find((d) => d.documentId === this.#mention.documentId)?.created ?? 0;
    const elsewhere = outcome.documents.filter((d) => d.documentId !== this.#mention.documentId);
    const others = elsewhere.length
      ? ` and ${plural(outcome.total - here, 'occurrence')} in ${plural(elsewhere.length, 'other document')} (each undone in its own document)`
      : '';
    this.#notices.info(
      outcome.total === 0
        ? `No unlabelled occurrences of “${this.#mention.exact}” were left to label.`
        : `Labelled ${plural(here, 'occurrence')} of “${this.#mention.exact}” in this document${others}. Ctrl+Z undoes it here.`
    );
    return true;
  }

  #input() {
    return { mentionId: this.#mention.id, scope: this.#scope, caseSensitive: this.#caseSensitive };
  }
}
