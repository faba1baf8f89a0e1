import type { ApiClient } from '../../../shared/api/client';
import type { DocumentSummary } from '../../../shared/domain';
import type { Notices } from './notices.svelte';

/** Deleted documents: restorable until the trash is emptied. */
export class Trash {
  #documents = $state.raw<DocumentSummary[]>([]);
  #loading = $state(false);
  #busy = $state(false);
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

  get busy() {
    return this.#busy;
  }

  async refresh(): Promise<void> {
    this.#loading = true;
    const result = await this.#api.call('trash.list', {});
    this.#loading = false;
    if (result.ok) this.#documents = result.value;
    else this.#notices.error('Could not list the trash', result.error);
  }

  async restore(id: string): Promise<boolean> {
    this.#busy = true;
    const result = await this.#api.call('trash.restore', { id });
    this.#busy = false;
    if (!result.ok) {
      this.#notices.error('Could not restore the document', result.error);
      return false;
    }
    this.#documents = this.#documents.filter((doc) => doc.id !== id);
    this.#notices.info(`Restored “${result.value.title || result.value.fileName}” to the library.`);
    return true;
  }

  /** Deletes every trashed document for good (the caller has asked the user first). */
  async empty(): Promise<boolean> {
    this.#busy = true;
    const result = await this.#api.call('trash.empty', { confirm: true });
    this.#busy = false;
    if (!result.ok) {
      this.#notices.error('Could not empty the trash', result.error);
      return false;
    }
    this.#notices.info(`Deleted ${result.value.deleted === 1 ? '1 document' : `${result.value.deleted} documents`} for good.`);
    await this.refresh();
    return true;
  }
}
