/** Calls API methods on a service the way the benchmarks need: the value, or an Error naming the method. */
import type { Service } from '../src/main/api/service';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api/contract';
import type { Result } from '../src/shared/result';

export function serviceCaller(service: Service) {
  return async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = (await service.call(method, input)) as Result<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
}
