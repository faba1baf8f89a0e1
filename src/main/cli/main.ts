/**
 * The `factdesk` command. Every command works through the service, exactly as the
 * window does. Exit codes: 0 success, 1 an error the user can fix, 2 bad usage.
 */
import { createClient } from '../../shared/api/client';
import { resolveDataDir } from '../data-dir';
import { createService } from '../api/service';
import { openLibrary } from '../store/open';
import { parseArgs, splitCommand } from './args';
import { CliFailure, UsageError, type CliIo, type CliOutput } from './command';
import { findCommand } from './commands';
import { terminalJson, visibleText } from './terminal-text';
import { commandUsage, generalUsage } from './usage';
import packageJson from '../../../package.json' with { type: 'json' };

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  terminal: process.stdout.isTTY === true
};

/** The one place the CLI's output passes through: everything it prints is safe for a terminal. */
function terminalOutput(sink: CliIo): CliOutput {
  return {
    out: (text) => sink.out(visibleText(text)),
    err: (text) => sink.err(visibleText(text)),
    json: (value) => sink.out(terminalJson(value)),
    content: (text) => sink.out(sink.terminal ? visibleText(text) : text)
  };
}

/** Runs one command line; resolves with the exit code. */
export async function runCli(
  argv: string[],
  sink: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd()
): Promise<number> {
  const io = terminalOutput(sink);
  const { command: name, rest } = splitCommand(argv);
  if (name === null) {
    if (rest.includes('--help') || rest.includes('-h')) return printed(io, generalUsage());
    return usageFailure(io, new UsageError('missing command'));
  }
  if (name === 'help') return help(io, rest);
  const command = findCommand(name);
  if (!command) return usageFailure(io, new UsageError(`unknown command "${name}"`));

  let args;
  try {
    args = parseArgs(rest, command);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error);
    throw error;
  }
  if (args.flags.help) return printed(io, commandUsage(command));

  const dataDir = resolveDataDir(typeof args.flags.data === 'string' ? args.flags.data : undefined, env);
  let db: ReturnType<typeof openLibrary>;
  try {
    db = openLibrary(dataDir);
  } catch (error) {
    io.err(`factdesk ${command.name}: cannot open the library in ${dataDir}: ${messageOf(error)}`);
    return 1;
  }
  try {
    const service = createService({ db, mode: 'cli', version: packageJson.version });
    const api = createClient((method, input) => service.call(method, input));
    return await command.run({ io, cwd, api }, args);
  } catch (error) {
    if (error instanceof CliFailure) {
      io.err(`factdesk ${command.name}: ${error.message}`);
      return error.exitCode;
    }
    // A command may find its arguments inconsistent only once it runs (e.g. two exclusive flags).
    if (error instanceof UsageError) return usageFailure(io, new UsageError(error.message, error.command ?? command.name));
    io.err(`factdesk ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    db.close();
  }
}

function help(io: CliOutput, rest: string[]): number {
  const topics = rest.filter((arg) => !arg.startsWith('-'));
  if (topics.length === 0) return printed(io, generalUsage());
  const command = findCommand(topics[0]);
  if (!command || topics.length > 1) return usageFailure(io, new UsageError(`no help for "${topics.join(' ')}"`));
  return printed(io, commandUsage(command));
}

function printed(io: CliOutput, text: string): number {
  io.out(text);
  return 0;
}

function usageFailure(io: CliOutput, error: UsageError): number {
  const command = error.command === undefined ? undefined : findCommand(error.command);
  io.err(`factdesk: ${error.message}\n\n${command ? commandUsage(command) : generalUsage()}`);
  return 2;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
