import type { ApiClient } from '../../../shared/api/client';
import type { ClaimReviewView } from '../../../shared/api/methods/verification';
import type { AppError } from '../../../shared/result';

/** The review view of one claim (claims.reviewView): read when shown and after each change. */
export class ClaimReviewViewState {
  readonly #api: ApiClient;
  #view = $state.raw<ClaimReviewView | null>(null);
  #error = $state.raw<AppError | null>(null);
  #seq = 0;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  get view() {
    return this.#view;
  }

  get error() {
    return this.#error;
  }

  async load(claimId: string): Promise<void> {
    const seq = ++this.#seq;
    const result = await this.#api.call('claims.reviewView', { id: claimId });
    if (seq !== this.#seq) return; // a newer read is on its way
    if (result.ok) {
      this.#view = result.value;
      this.#error = null;
    } else {
      this.#error = result.error;
    }
  }
}
