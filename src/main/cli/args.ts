/** Command-line parsing against a command's declared flags and positional-argument count. */
import { UsageError, type CliCommand } from './command';

export interface FlagSpec {
  type: 'boolean' | 'string';
  description: string;
  /** Shown in the usage for string flags, e.g. "DIR". */
  valueName?: string;
  /** A one-letter alias, e.g. "o" for `-o FILE`. */
  short?: string;
}

export interface ArgsSpec {
  /** Positional arguments as shown in the usage, e.g. "FILE…". */
  synopsis: string;
  flags: Record<string, FlagSpec>;
  positionals: { min: number; max: number };
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  data: {
    type: 'string',
    valueName: 'DIR',
    description: 'library folder (default: $FACTDESK_DATA, else the per-user data folder)'
  },
  help: { type: 'boolean', description: 'show this help' }
};

/**
 * Splits argv into the command name and the rest. Global flags may come before the command
 * (`factdesk --data DIR list`), so the value of a global string flag is not taken for the command.
 */
export function splitCommand(argv: string[]): { command: string | null; rest: string[] } {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (flagSpec(GLOBAL_FLAGS, arg.slice(2))?.type === 'string') i += 1;
      continue;
    }
    return { command: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: null, rest: argv };
}

/** Parses `--flag`, `--flag value`, `--flag=value`, `-h` and `--` (end of options). */
export function parseArgs(argv: string[], command: CliCommand): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const known = { ...GLOBAL_FLAGS, ...command.flags };
  const commandName = command.name;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '-h') {
      flags.help = true;
    } else {
      const [name, inline] = splitFlag(arg, known);
      const flag = name === null ? undefined : flagSpec(known, name);
      if (name === null || !flag) throw new UsageError(`unknown option ${arg.split('=')[0]}`, commandName);
      if (flag.type === 'boolean') {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`, commandName);
        flags[name] = true;
      } else {
        const value = inline ?? argv[(i += 1)];
        // `--data --json` is a forgotten value, not a folder named "--json".
        if (!value || (inline === undefined && value.startsWith('--'))) {
          throw new UsageError(`--${name} needs a value (${flag.valueName ?? 'VALUE'})`, commandName);
        }
        flags[name] = value;
      }
    }
  }
  if (flags.help) return { positionals, flags };
  if (positionals.length < command.positionals.min) throw new UsageError(`missing ${command.synopsis}`, commandName);
  if (positionals.length > command.positionals.max) {
    throw new UsageError(`unexpected argument "${positionals[command.positionals.max]}"`, commandName);
  }
  return { positionals, flags };
}

function flagSpec(flags: Record<string, FlagSpec>, name: string): FlagSpec | undefined {
  return Object.hasOwn(flags, name) ? flags[name] : undefined;
}

function splitFlag(arg: string, known: Record<string, FlagSpec>): [string | null, string | undefined] {
  if (/^-[a-zA-Z]$/.test(arg)) {
    const alias = Object.entries(known).find(([, spec]) => spec.short === arg.slice(1));
    return [alias ? alias[0] : null, undefined];
  }
  if (!arg.startsWith('--')) return [null, undefined];
  const eq = arg.indexOf('=');
  return eq === -1 ? [arg.slice(2), undefined] : [arg.slice(2, eq), arg.slice(eq + 1)];
}
