import type { Result } from '../result';
import type { MethodInput, MethodName, MethodOutput } from './contract';

/** How a client reaches the service: Electron IPC (preload) or HTTP (browser mode). */
export type Transport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

export type ApiClient = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
};

export function createClient(transport: Transport): ApiClient {
  return {
    call: (method, input) => transport(method, input) as never
  };
}
