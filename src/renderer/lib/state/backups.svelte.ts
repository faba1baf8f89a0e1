import type { ApiClient } from '../../../shared/api/client';
import type { BackupSummary, RestoreOutcome } from '../../../shared/api/methods/maintenance';
import type { AppError } from '../../../shared/result';
import type { Notices } from './notices.svelte';

/** Settings → Backups: the library's backups, newest first; making one; restoring one. */
export class Backups {
  #list = $state.raw<BackupSummary[]>([]);
  #loading = $state(false);
  #loadError = $state.raw<AppError | null>(null);
  /** What is being done right now, for the status line; null when idle. */
  #busy = $state<'backing up' | 'restoring' | null>(null);
  #notices: Notices;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
  }

  get list() {
    return this.#list;
  }

  get loading() {
    return this.#loading;
  }

  get loadError() {
    return this.#loadError;
  }

  get busy() {
    return this.#busy;
  }

  async refresh(): Promise<void> {
    this.#loading = true;
    const result = await this.#api.call('backups.list', {});
    this.#loading = false;
    if (result.ok) {
      this.#list = result.value;
      this.#loadError = null;
    } else {
      this.#loadError = result.error;
    }
  }

  async create(): Promise<boolean> {
    this.#busy = 'backing up';
    const result = await this.#api.call('backups.create', {});
    this.#busy = null;
    if (!result.ok) {
      this.#notices.error('Backup failed', result.error);
      return false;
    }
    this.#notices.info(`Backed up the library as ${result.value.fileName}.`);
    await this.refresh();
    return true;
  }

  /** Replaces the library with a backup; the API keeps a copy of the current library first. */
  async restore(fileName: string): Promise<RestoreOutcome | null> {
    this.#busy = 'restoring';
    const result = await this.#api.call('backups.restore', { fileName });
    this.#busy = null;
    if (!result.ok) {
      this.#notices.error(`Could not restore ${fileName}`, result.error);
      return null;
    }
    this.#notices.info(`Restored the library from ${fileName}. The library as it was is kept as ${result.value.safetyCopy.fileName}.`);
    await this.refresh();
    return result.value;
  }
}
