import { backupIfDue, backupsDirOf } from './backup';
import type { Db } from './open';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The automatic backups: one when the app starts (unless one was made in the last day), then a check
 * every hour that makes the daily one. Returns the stop: it stops the timer and any backup under way
 * (leaving no partial file) and resolves once nothing uses the connection any more, so the caller may
 * close it. A backup stopped that way is not reported as failed; any other failure goes to `log`.
 */
export function scheduleBackups(
  db: Db,
  { clock = () => new Date(), log = console.error }: { clock?: () => Date; log?: (message: string) => void } = {}
): () => Promise<void> {
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  // One backup at a time: a check that comes due while one runs waits for it (and then finds it recent).
  const run = () => {
    running = running.then(() =>
      backupIfDue(db, backupsDirOf(db), clock, stopping.signal).catch((error: unknown) => {
        if (error === stopping.signal.reason) return;
        log(`Factdesk: automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
      })
    );
  };
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    stopping.abort();
    await running;
  };
}
