import type { KeyInfo } from '../../../shared/api/methods/verification';
import { api } from '../api-client';

/** The current user's signing key (made on first use); null when no name is set yet or the call fails. */
export async function signingKey(): Promise<KeyInfo | null> {
  const result = await api.call('keys.mine', {});
  return result.ok ? result.value : null;
}
