import type { Result } from '../result';
import type { MethodInput, MethodName, MethodOutput } from './contract';

/**
 * How a client reaches the service: Electron IPC (preload) or HTTP (browser mode). `actingUser` is
 * the user the window shows (see acting-user.ts), when it names one.
 */
export type Transport = (method: MethodName, input: unknown, actingUser?: string) => Promise<Result<unknown>>;

export type ApiClient = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Names the user the window shows: every later call carries it, so no write is stamped with another. */
  actAs(userName: string): void;
  /** Calls `listener` after each call refused because the library's user is no longer the one named. */
  onUserChanged(listener: () => void): () => void;
};

export function createClient(transport: Transport): ApiClient {
  let actingUser: string | undefined;
  const userChanged = new Set<() => void>();
  return {
    async call(method, input) {
      const result = await transport(method, input, actingUser);
      if (!result.ok && result.error.code === 'user_changed') for (const listener of userChanged) listener();
      return result as never;
    },
    actAs(userName) {
      actingUser = userName;
    },
    onUserChanged(listener) {
      userChanged.add(listener);
      return () => userChanged.delete(listener);
    }
  };
}
