import { backupIfDue, backupsDirOf } from './backup';
import type { Db } from './open';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The automatic backups: one when the app starts (unless one was made in the last day), then a check
 * every hour that makes the daily one. Returns a function that stops the timer.
 */
export function scheduleBackups(
  db: Db,
  { clock = () => new Date(), log = console.error }: { clock?: () => Date; log?: (message: string) => void } = {}
): () => void {
  const run = () =>
    backupIfDue(db, backupsDirOf(db), clock).catch((error: unknown) =>
      log(`Factdesk: automatic backup failed: ${error instanceof Error ? error.message : String(error)}`)
    );
  void run();
  const timer = setInterval(() => void run(), CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
