/**
 * The service host: opens the library (the one writable connection), runs the automatic backups and
 * answers the front's calls, in a thread or process of its own so no call blocks the front.
 */
import { createService } from '../api/service';
import { scheduleBackups } from '../store/backup-schedule';
import { openLibrary, type Db } from '../store/open';
import { printThroughFront, serveService, type Channel, type FrontMessage, type HostMessage } from './protocol';

export interface HostOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  version: string;
  /** better-sqlite3 built for Electron's ABI (the utility process). */
  nativeBinding?: string;
  /** Fact sheets are printed by the front (Electron's windows) instead of a headless Chromium. */
  printThroughFront?: boolean;
}

/** Starts answering on `channel`; `end` runs after the library is closed on the front's request. */
export function startHost(channel: Channel<FrontMessage, HostMessage>, options: HostOptions, end: () => void): void {
  let db: Db;
  try {
    db = openLibrary(options.dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    channel.send({ kind: 'failed', message: `cannot open the library in ${options.dataDir}: ${reason}` });
    return end();
  }
  const stopBackups = scheduleBackups(db);
  const service = createService({
    db,
    mode: options.mode,
    version: options.version,
    ...(options.printThroughFront ? { printToPdf: printThroughFront(channel) } : {})
  });
  serveService(channel, service, async () => {
    await stopBackups();
    db.close();
    setImmediate(end);
  });
  channel.send({ kind: 'ready' });
}
