/**
 * The messages between a front (Electron's main process, the browser-mode HTTP thread) and the
 * service host (a utility process or worker thread that owns the library connection and runs every
 * API call). Calls carry an id and their answer carries it back, so many may be in flight and
 * answered in any order. The host may ask the front to print a fact sheet (only Electron's main
 * process has windows to print with).
 */
import { fail, ok, type Result } from '../../shared/result';
import type { PrintToPdf } from '../export/pdf';
import { answerBody, type BadBody, type BodyService } from '../api/request-body';
import type { Service } from '../api/service';

export type FrontMessage =
  | { kind: 'call'; id: number; method: string; input: unknown; actingUser?: string }
  /** A call whose input is still an HTTP request body: the host parses it (off the HTTP thread). */
  | { kind: 'call-body'; id: number; method: string; body: Uint8Array; actingUser?: string }
  | { kind: 'printed'; id: number; pdf: Uint8Array }
  | { kind: 'print-failed'; id: number; message: string }
  | { kind: 'shutdown' };

export type HostMessage =
  | { kind: 'answer'; id: number; result: Result<unknown> | BadBody }
  | { kind: 'print'; id: number; html: string }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'closed' };

/** One end of a message port, whichever runtime provides it (worker_threads, Electron). */
export interface Channel<In, Out> {
  /** `transfer`: buffers moved to the other end instead of copied (where the runtime can). */
  send(message: Out, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (message: In) => void): void;
  /** Called once when the other end is gone (closed port, exited process). */
  onClose(listener: () => void): void;
}

export const SERVICE_STOPPED = 'The Factdesk service has stopped; restart Factdesk to go on working.';

export interface RemoteService extends BodyService {
  /** Resolves once the host has opened the library, or with why it could not. */
  ready: Promise<Result<void>>;
  /** Asks the host to close the library; resolves once it has (or is gone). */
  shutdown(): Promise<void>;
}

/** The front's side: a Service whose calls run in the host. */
export function connectService(channel: Channel<HostMessage, FrontMessage>, printToPdf?: PrintToPdf): RemoteService {
  const pending = new Map<number, (result: Result<unknown> | BadBody) => void>();
  let nextId = 1;
  let stopped = false;
  const ask = <T>(message: (id: number) => FrontMessage, transfer?: ArrayBuffer[]): Promise<T> => {
    if (stopped) return Promise.resolve(fail('internal', SERVICE_STOPPED) as T);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve as (result: Result<unknown> | BadBody) => void);
      channel.send(message(id), transfer);
    });
  };
  let closed!: () => void;
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));
  let started!: (result: Result<void>) => void;
  const ready = new Promise<Result<void>>((resolve) => (started = resolve));
  const stop = () => {
    stopped = true;
    started(fail('internal', SERVICE_STOPPED));
    for (const answer of pending.values()) answer(fail('internal', SERVICE_STOPPED));
    pending.clear();
    closed();
  };
  channel.onClose(stop);
  channel.onMessage((message) => {
    if (message.kind === 'answer') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.kind === 'print') {
      void answerPrint(channel, message, printToPdf);
    } else if (message.kind === 'ready') {
      started(ok(undefined));
    } else if (message.kind === 'failed') {
      started(fail('internal', message.message));
    } else if (message.kind === 'closed') {
      stop();
    }
  });
  return {
    ready,
    call: (method, input, actingUser) => ask((id) => ({ kind: 'call', id, method, input, actingUser })),
    callWithBody(method, body, actingUser) {
      // A body that owns its whole buffer is moved, not copied; a small one from a shared pool is copied.
      const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
      return ask((id) => ({ kind: 'call-body', id, method, body, actingUser }), owned ? [body.buffer as ArrayBuffer] : []);
    },
    shutdown() {
      if (!stopped) channel.send({ kind: 'shutdown' });
      return whenClosed;
    }
  };
}

async function answerPrint(channel: Channel<HostMessage, FrontMessage>, { id, html }: { id: number; html: string }, printToPdf?: PrintToPdf) {
  if (!printToPdf) return channel.send({ kind: 'print-failed', id, message: 'This window cannot print fact sheets.' });
  try {
    channel.send({ kind: 'printed', id, pdf: await printToPdf(html) });
  } catch (error) {
    channel.send({ kind: 'print-failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The host's side: answers calls with `service` until the front asks it to shut down, then runs
 * `close` (stop timers and backups, close the library) and says so once it has finished.
 */
export function serveService(
  channel: Channel<FrontMessage, HostMessage>,
  service: Service,
  close: () => void | Promise<void>
): void {
  channel.onMessage((message) => {
    if (message.kind === 'shutdown') {
      void Promise.resolve(close()).finally(() => channel.send({ kind: 'closed' }));
      return;
    }
    if (message.kind !== 'call' && message.kind !== 'call-body') return;
    const { id } = message;
    const answering =
      message.kind === 'call'
        ? service.call(message.method, message.input, message.actingUser)
        : answerBody(service, message.method, message.body, message.actingUser);
    void answering.then((result) => channel.send({ kind: 'answer', id, result }));
  });
}

/** Prints through the front: the host's PrintToPdf when it has no Chromium of its own. */
export function printThroughFront(channel: Channel<FrontMessage, HostMessage>): PrintToPdf {
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  channel.onMessage((message) => {
    if (message.kind !== 'printed' && message.kind !== 'print-failed') return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.kind === 'printed') waiting?.resolve(message.pdf);
    else waiting?.reject(new Error(message.message));
  });
  return (html) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      channel.send({ kind: 'print', id, html });
    });
}
