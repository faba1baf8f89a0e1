/**
 * The browser mode's API behind the HTTP server: the service runs in its own thread, which holds the
 * one writable connection and does every write and long job (opening a 50 MB shared file takes
 * seconds, and so does parsing its request body); the HTTP thread answers the reads the page asks
 * for most on a read-only connection of its own, so they never wait behind such a job. Reads see
 * every write once it is committed.
 */
import { answerBody, type BodyService } from '../api/request-body';
import type { Db } from '../store/open';
import { startServiceThread } from '../service-host/thread';
import { fail, type Result } from '../../shared/result';

/** Methods that only read the library (their handlers write nothing): the library and the opened document. */
export const READS_ON_HTTP_THREAD: ReadonlySet<string> = new Set([
  'app.start',
  'documents.list',
  'documents.get',
  'documents.text',
  'documents.annotations',
  'documents.annotationColumns'
]);

export interface Backend {
  service: BodyService;
  close(): Promise<void>;
}

export async function startBackend(dataDir: string, version: string): Promise<Result<Backend>> {
  const host = startServiceThread({ dataDir, mode: 'web', version });
  // This thread's service (the API contract and every handler) loads while the service's thread opens the library.
  const [ready, { createService }, { openLibraryReadOnly }] = await Promise.all([host.ready, import('../api/service'), import('../store/open')]);
  if (!ready.ok) return ready;
  let readDb: Db;
  try {
    readDb = openLibraryReadOnly(dataDir);
  } catch (error) {
    await host.shutdown();
    return fail('internal', `cannot read the library in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const reads = createService({ db: readDb, mode: 'web', version });
  return {
    ok: true,
    value: {
      service: {
        call: (method, input, actingUser) => (READS_ON_HTTP_THREAD.has(method) ? reads : host).call(method, input, actingUser),
        // Reads are small bodies, parsed here; every other body goes to the service's thread unparsed.
        callWithBody: (method, body, actingUser) =>
          READS_ON_HTTP_THREAD.has(method) ? answerBody(reads, method, body, actingUser) : host.callWithBody(method, body, actingUser)
      },
      async close() {
        readDb.close();
        await host.shutdown();
      }
    }
  };
}
