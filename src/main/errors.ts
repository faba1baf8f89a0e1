import type { ErrorCode } from '../shared/result';

/** A refusal the user can act on; thrown inside a transaction so it rolls back, then returned as a Result. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[]
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
