/** Library maintenance commands: backup, restore. */
import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unwrap, type CliCommand } from './command';

const backupCommand: CliCommand = {
  name: 'backup',
  synopsis: '',
  summary: 'back up the library (SQLite online backup); prints the backup file path',
  flags: { output: { type: 'string', short: 'o', valueName: 'FILE', description: 'also copy the backup to FILE' } },
  positionals: { min: 0, max: 0 },
  async run(ctx, { flags }) {
    const backup = unwrap(await ctx.api.call('backups.create', {}));
    if (typeof flags.output !== 'string') {
      ctx.io.out(backup.path);
      return 0;
    }
    const target = resolve(ctx.cwd, flags.output);
    await copyFile(backup.path, target);
    ctx.io.out(target);
    return 0;
  }
};

const restoreCommand: CliCommand = {
  name: 'restore',
  synopsis: 'FILE',
  summary: 'replace the library with a backup, keeping a copy of the current library first',
  flags: {},
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const outcome = unwrap(await ctx.api.call('backups.restore', { path: resolve(ctx.cwd, positionals[0]!) }));
    ctx.io.out(`restored ${outcome.restored}`);
    ctx.io.err(`The library as it was before is kept in ${outcome.safetyCopy.fileName}.`);
    return 0;
  }
};

export const maintenanceCommands: CliCommand[] = [backupCommand, restoreCommand];
