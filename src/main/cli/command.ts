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

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  /** Writes a line to stdout. */
  out(text: string): void;
  /** Writes a line to stderr. */
  err(text: string): void;
  /** Whether stdout is a terminal (exported content is then shown with its control characters visible). */
  terminal?: boolean;
}

/** What commands print through: every text is made safe for a terminal (see terminal-text.ts). */
export interface CliOutput {
  /** Results for a person, one record per line; control characters are shown as escapes. */
  out(text: string): void;
  /** Errors, notes and usage; control characters are shown as escapes. */
  err(text: string): void;
  /** A value as indented JSON (`--json`): exact JSON, with no raw control character in it. */
  json(value: unknown): void;
  /** A file's content (`export` to stdout): exact bytes into a pipe or file, made visible on a terminal. */
  content(text: string): void;
}

export interface CliContext {
  io: CliOutput;
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
