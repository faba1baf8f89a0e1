import type { ApiClient } from '../../../shared/api/client';
import type { DocumentSummary } from '../../../shared/domain';
import type { Notices } from './notices.svelte';

/** The library list: every imported article with its counts. */
export class Library {
  #documents = $state.raw<DocumentSummary[]>([]);
  #loading = $state(false);

  #notices: Notices;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
  }

  get documents() {
    return this.#documents;
  }

  get loading() {
    return this.#loading;
  }

  async refresh(): Promise<void> {
    this.#loading = true;
    const result = await this.#api.call('documents.list', {});
    this.#loading = false;
    if (result.ok) this.#documents = result.value;
    else this.#notices.error('Could not list the library', result.error);
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.#api.call('documents.delete', { id });
    if (!result.ok) {
      this.#notices.error('Could not delete the document', result.error);
      return false;
    }
    this.#documents = this.#documents.filter((doc) => doc.id !== id);
    return true;
  }
}
