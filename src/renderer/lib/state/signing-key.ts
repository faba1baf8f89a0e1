import type { ApiClient } from '../../../shared/api/client';
import type { KeyInfo } from '../../../shared/api/methods/verification';

/** The current user's signing key (made on first use); null when no name is set yet or the call fails. */
export async function signingKey(api: ApiClient): Promise<KeyInfo | null> {
  const result = await api.call('keys.mine', {});
  return result.ok ? result.value : null;
}
