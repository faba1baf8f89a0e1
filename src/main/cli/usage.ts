/** Help texts, generated from the command table. */
import { GLOBAL_FLAGS, type FlagSpec } from './args';
import type { CliCommand } from './command';
import { COMMANDS } from './commands';

export function generalUsage(): string {
  const rows = COMMANDS.map((command) => [`${command.name} ${command.synopsis}`.trim(), command.summary]);
  rows.push(['help [COMMAND]', 'show help for a command']);
  return [
    'Usage: factdesk COMMAND [ARGS] [--data DIR]',
    '',
    'Commands:',
    ...table(rows),
    '',
    'Options for every command:',
    ...table(flagRows(GLOBAL_FLAGS)),
    '',
    'Exit codes: 0 success, 1 error (the message names the file or record and the reason), 2 bad usage, 3 merge conflicts remain (open, resolve).'
  ].join('\n');
}

export function commandUsage(command: CliCommand): string {
  const flags = Object.entries(command.flags).map(([name, flag]) => `[${flagLabel(name, flag)}]`);
  return [
    ['Usage: factdesk', command.name, command.synopsis, ...flags, '[--data DIR]'].filter(Boolean).join(' '),
    '',
    `  ${command.summary}`,
    '',
    'Options:',
    ...table(flagRows({ ...command.flags, ...GLOBAL_FLAGS }))
  ].join('\n');
}

function flagRows(flags: Record<string, FlagSpec>): string[][] {
  return Object.entries(flags).map(([name, flag]) => [flagLabel(name, flag), flag.description]);
}

function flagLabel(name: string, flag: FlagSpec): string {
  const label = name === 'help' ? '-h, --help' : flag.short ? `-${flag.short}, --${name}` : `--${name}`;
  return flag.type === 'string' ? `${label} ${flag.valueName ?? 'VALUE'}` : label;
}

function table(rows: string[][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}   ${right}`);
}
