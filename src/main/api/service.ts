import { z } from 'zod';
import { contract, isMethodName, type ParsedInput } from '../../shared/api/contract';
import { METHODS_FOR_ANY_USER } from '../../shared/api/acting-user';
import { startCalls } from '../../shared/api/start-calls';
import { FILE_TOO_LARGE } from '../../shared/api/uploads';
import { type Result, fail, ok } from '../../shared/result';
import { DomainError } from '../errors';
import { getSettings } from '../store/settings';
import { type ServiceDeps, createHandlerContext } from './context';
import { handlers } from './handlers';
import type { Handler, HandledMethod } from './handlers/types';

export interface Service {
  /** `actingUser`: the user the calling window shows (see acting-user.ts); the command line names none. */
  call(method: string, input: unknown, actingUser?: string): Promise<Result<unknown>>;
}

/** JSON pointer of a schema issue, e.g. "/evidence/0/url". */
const pointer = (path: PropertyKey[]) => '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** A refusal when the library's user is no longer the one the calling window shows, else null. */
function userSwitched(userName: string, shown: string): Result<never> | null {
  const current = userName.trim();
  if (current === '' || current === shown.trim()) return null;
  return fail(
    'user_changed',
    `Factdesk is now used as ${current} (switched in another window). Reload to go on as ${current}, or switch back.`
  );
}

/** The API service: validates every call against the contract and never throws. */
export function createService(deps: ServiceDeps): Service {
  const ctx = createHandlerContext(deps);
  const service: Service = {
    async call(method, input, actingUser) {
      if (typeof method !== 'string' || !isMethodName(method)) {
        return fail('unknown_method', `There is no API method "${String(method)}".`);
      }
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        const tooLarge = parsed.error.issues.find((issue) => issue.code === 'custom' && issue.params?.[FILE_TOO_LARGE]);
        if (tooLarge) return fail('too_large', tooLarge.message);
        return fail(
          'invalid_input',
          `Invalid input for ${method}: ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ')}`,
          parsed.error.issues.map((issue) => `${pointer(issue.path)}: ${issue.message}`)
        );
      }
      if (method === 'app.start') {
        // Each part through this same call: checked and answered exactly as when the window asks for it alone.
        const { documentId } = parsed.data as ParsedInput<'app.start'>;
        return ok(await Promise.all(startCalls(documentId).map(([part, partInput]) => service.call(part, partInput))));
      }
      if (actingUser !== undefined && !METHODS_FOR_ANY_USER.has(method)) {
        const switched = userSwitched(getSettings(deps.db).userName, actingUser);
        if (switched) return switched;
      }
      try {
        const handler = handlers[method] as Handler<HandledMethod>;
        return ok(await handler(ctx, parsed.data as never));
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message, error.details);
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[factdesk] ${method} failed:`, error);
        return fail('internal', `Unexpected error in ${method}: ${message}`);
      }
    }
  };
  return service;
}

export type { ServiceDeps };
