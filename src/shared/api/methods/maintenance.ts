import { z } from 'zod';
import type { DocumentSummary } from '../../domain';
import { id, method, returns } from '../define';

export interface BackupSummary {
  fileName: string;
  createdAt: string;
  bytes: number;
}

export interface RestoreOutcome {
  restored: string;
  /** The copy of the library as it was just before the restore. */
  safetyCopy: BackupSummary;
}

const backupFileName = z.string().regex(/^factdesk-[0-9TZ]+(-[a-z-]+)?\.sqlite$/, 'not a backup file name');

/** Backups of the library and the document trash (nothing is destroyed by one click). */
export const maintenanceMethods = {
  'backups.list': method(z.strictObject({}), returns<BackupSummary[]>()),
  /** Returns the new backup; `path` is its location on disk (the CLI prints it). */
  'backups.create': method(z.strictObject({}), returns<BackupSummary & { path: string }>()),
  'backups.restore': method(
    z.union([
      z.strictObject({ fileName: backupFileName }),
      /** Any file on disk: accepted from the command line only. */
      z.strictObject({ path: z.string().min(1).max(4096) })
    ]),
    returns<RestoreOutcome>()
  ),

  'trash.list': method(z.strictObject({}), returns<DocumentSummary[]>()),
  'trash.restore': method(z.strictObject({ id }), returns<DocumentSummary>()),
  /** Deletes every trashed document for good; `confirm: true` is the caller's explicit yes. */
  'trash.empty': method(z.strictObject({ confirm: z.literal(true) }), returns<{ deleted: number }>())
} as const;
