import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';
import type { HandlerContext } from '../context';

export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: ParsedInput<M>
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

/** Methods a handler answers; app.start is answered by the service from the others (service.ts). */
export type HandledMethod = Exclude<MethodName, 'app.start'>;
