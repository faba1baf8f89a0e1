/**
 * The command table. A command group is a module exporting its CliCommand rows;
 * adding a group (export, pack/open, conflicts/resolve, suggest, verify-sheet, backup/restore)
 * means adding its rows here — parsing, help and exit codes come from the table.
 */
import { assistCommands } from './assist';
import type { CliCommand } from './command';
import { documentCommands } from './documents';
import { exchangeCommands } from './exchange';
import { exportCommands } from './export';
import { maintenanceCommands } from './maintenance';

export const COMMANDS: readonly CliCommand[] = [...documentCommands, ...maintenanceCommands, ...exportCommands, ...exchangeCommands, ...assistCommands];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
