import type { ClaimReviewView } from '../../../shared/api/methods/verification';
import type { AppError } from '../../../shared/result';
import { api } from '../api-client';

/** The review view of one claim (claims.reviewView): read when shown and after each change. */
export class ClaimReviewViewState {
  view = $state.raw<ClaimReviewView | null>(null);
  error = $state.raw<AppError | null>(null);
  #seq = 0;

  async load(claimId: string): Promise<void> {
    const seq = ++this.#seq;
    const result = await api.call('claims.reviewView', { id: claimId });
    if (seq !== this.#seq) return; // a newer read is on its way
    if (result.ok) {
      this.view = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}
