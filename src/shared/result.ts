/** Results cross every boundary (API, importers, file readers) as values, never as thrown errors. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unsupported'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too_large'
  // Article import: a page without a readable article (the UI offers its full text),
  // a damaged file, a password-protected one, a PDF without a text layer, a cancelled import job.
  | 'no_article'
  | 'corrupt'
  | 'encrypted'
  | 'no_text'
  | 'cancelled'
  | 'nothing_to_undo'
  | 'nothing_to_redo'
  | 'unknown_method'
  | 'unauthorized'
  // The window names a user who is no longer the library's (switched in another window).
  | 'user_changed'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail, e.g. the JSON pointer of a schema error. */
  details?: string[];
}

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const appError = (code: ErrorCode, message: string, details?: string[]): AppError =>
  details ? { code, message, details } : { code, message };
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({ ok: false, error: appError(code, message, details) });
