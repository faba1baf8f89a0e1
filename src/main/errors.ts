import type { AppError, ErrorCode } from '../shared/result';

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

/** A service error (a refusal carried as a Result) thrown as the DomainError it stands for. */
export const domainErrorOf = (error: AppError): DomainError => new DomainError(error.code, error.message, error.details);
