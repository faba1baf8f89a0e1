import { cannotImport } from '../../shared/api/file-limits';
import { fail, type ErrorCode, type Result } from '../../shared/result';

/** The one wording every import error uses: `Cannot import "<file>": <reason>.` */
export function importFailure(fileName: string, code: ErrorCode, reason: string): Result<never> {
  return fail(code, cannotImport(fileName, reason));
}
