import type { ApiClient } from '../../../shared/api/client';
import type { AppError } from '../../../shared/result';
import { historySteps, type HistoryStep } from '../claim-history';

/** The history list of one claim in the inspector (claims.history), read again after each change. */
export class ClaimHistory {
  #steps = $state.raw<HistoryStep[]>([]);
  #loading = $state(false);
  #error = $state.raw<AppError | null>(null);
  #seq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  get steps() {
    return this.#steps;
  }

  get loading() {
    return this.#loading;
  }

  get error() {
    return this.#error;
  }

  async load(claimId: string): Promise<void> {
    const seq = ++this.#seq;
    this.#loading = true;
    const result = await this.#api.call('claims.history', { id: claimId });
    if (seq !== this.#seq) return; // a newer read is on its way
    this.#loading = false;
    if (result.ok) {
      this.#steps = historySteps(result.value);
      this.#error = null;
    } else {
      this.#error = result.error;
    }
  }
}
