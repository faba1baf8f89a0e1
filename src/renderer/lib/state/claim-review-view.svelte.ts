import type { ApiClient } from '../../../shared/api/client';
import type { ClaimReviewView } from '../../../shared/api/methods/verification';
import type { Claim } from '../../../shared/domain';
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

  /**
   * Reads the view of the claim `claim()` gives (none: nothing to read) now, and again whenever the
   * claim or `changed()` (the document's undo state, new after every change the window applies) does.
   */
  follow(claim: () => Pick<Claim, 'id' | 'updatedAt'> | null, changed: () => unknown): void {
    $effect(() => {
      const shown = claim();
      void shown?.updatedAt;
      void changed();
      if (shown) void this.load(shown.id);
    });
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
