import { resolve } from 'node:path';
import type { BackupSummary } from '../../../shared/api/methods/maintenance';
import { DomainError } from '../../errors';
import { type BackupInfo, backupsDirOf, createBackup, listBackups, restoreBackup } from '../../store/backup';
import { purgeDocument, setTrashed } from '../../store/documents';
import { documentSummary, documentSummaries } from '../../workflow/document-summaries';
import { runMutation } from '../../store/history';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

const backupsDir = (ctx: HandlerContext) => backupsDirOf(ctx.db);

const summary = ({ fileName, createdAt, bytes }: BackupInfo): BackupSummary => ({ fileName, createdAt, bytes });

export const maintenanceHandlers: HandlerMap<
  'backups.list' | 'backups.create' | 'backups.restore' | 'trash.list' | 'trash.restore' | 'trash.empty'
> = {
  'backups.list': (ctx) => listBackups(backupsDir(ctx)).map(summary),

  async 'backups.create'(ctx) {
    const backup = await createBackup(ctx.db, backupsDir(ctx), ctx.clock);
    return { ...summary(backup), path: backup.path };
  },

  async 'backups.restore'(ctx, input) {
    let file: string;
    if ('path' in input) {
      // The window only ever names backups from the list; arbitrary paths come from the command line.
      if (ctx.mode !== 'cli') throw new DomainError('forbidden', 'Restoring from an arbitrary path is a command-line action.');
      file = resolve(input.path);
    } else {
      const backup = listBackups(backupsDir(ctx)).find((b) => b.fileName === input.fileName);
      if (!backup) throw new DomainError('not_found', `There is no backup named "${input.fileName}".`);
      file = backup.path;
    }
    const safety = await restoreBackup(ctx.db, file, backupsDir(ctx), ctx.clock);
    return { restored: file, safetyCopy: summary(safety) };
  },

  'trash.list': (ctx) => documentSummaries(ctx.db, true),

  'trash.restore'(ctx, { id }) {
    const { value } = runMutation(ctx.asSystem(), { documentId: id, action: 'trash.restore', kind: 'log' }, (group) =>
      setTrashed(group, id, false)
    );
    if (!value) throw new DomainError('not_found', `No document with id ${id} in the trash.`);
    return documentSummary(ctx.db, id)!;
  },

  'trash.empty'(ctx) {
    const trashed = documentSummaries(ctx.db, true);
    runMutation(ctx.asSystem(), { documentId: null, action: 'trash.empty', kind: 'log' }, (group) => {
      for (const doc of trashed) purgeDocument(group, doc.id);
    });
    return { deleted: trashed.length };
  }
};
