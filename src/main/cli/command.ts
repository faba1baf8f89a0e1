/** The shape of a CLI command and what it gets to run: typed access to the service and the output streams. */
import type { ApiClient } from '../../shared/api/client';
import type { AppError, Result } from '../../shared/result';
import type { ArgsSpec, ParsedArgs } from './args';

/** One row of the command table (see commands.ts). */
export interface CliCommand extends ArgsSpec {
  name: string;
  summary: string;
  /** Resolves with the exit code. */
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
}

export interface CliIo {
  /** Writes to stdout: results, one record per line, or JSON. */
  out(text: string): void;
  /** Writes to stderr: errors, notes and usage. */
  err(text: string): void;
}

export interface CliContext {
  io: CliIo;
  /** The working directory relative paths are resolved against. */
  cwd: string;
  /** The service, through the API contract: the CLI never goes around it. */
  api: ApiClient;
}

/** An error the user can fix (exit code 1 by default); the message names the subject and reason. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly apiError?: AppError,
    readonly exitCode = 1
  ) {
    super(message);
  }
}

/** Bad command line (exit code 2): the usage text is printed after the message. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to show; undefined for the general usage. */
    readonly command?: string
  ) {
    super(message);
  }
}

/** The value of a successful API result; a failure becomes a CliFailure (exit 1) with the API's message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CliFailure(result.error.message, result.error);
  return result.value;
}
