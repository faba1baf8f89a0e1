/** An API request body (JSON) as the service's input, or why it is refused. */
import type { Result } from '../../shared/result';
import { excessiveNesting } from '../exchange/json-guard';
import type { Service } from './service';

/**
 * Deepest nesting of arrays and objects in a request body; the API's inputs need fewer than 10
 * levels, and a schema walking a 5,000-deep value would overflow the stack.
 */
export const MAX_BODY_DEPTH = 64;

/** Why a body is not an API input, in words that follow "Request body is". */
export interface BadBody {
  badBody: string;
}

/** An empty body stands for `{}`, so parameterless methods can be called without one. */
export function parseRequestBody(body: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  const tooDeep = excessiveNesting(text, MAX_BODY_DEPTH);
  if (tooDeep >= 0) return { ok: false, reason: `nested more than ${MAX_BODY_DEPTH} levels deep (at character ${tooDeep})` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A service that reads request bodies itself, e.g. off the HTTP thread (a 50 MB body takes a second to parse). */
export interface BodyService extends Service {
  callWithBody(method: string, body: Uint8Array, actingUser?: string): Promise<Result<unknown> | BadBody>;
}

/** The service's answer to a request body, or why the body is refused. */
export function answerBody(
  service: Service | BodyService,
  method: string,
  body: Uint8Array,
  actingUser?: string
): Promise<Result<unknown> | BadBody> {
  if ('callWithBody' in service) return service.callWithBody(method, body, actingUser);
  const input = parseRequestBody(body);
  return input.ok ? service.call(method, input.value, actingUser) : Promise.resolve({ badBody: input.reason });
}
