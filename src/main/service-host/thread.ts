/** Starting the service host in a worker thread (browser mode, and the tests of the host protocol). */
import { Worker, type MessagePort } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import type { HostOptions } from './host';
import { connectService, type Channel, type FrontMessage, type HostMessage, type RemoteService } from './protocol';

export function portChannel<In, Out>(port: MessagePort | Worker, closeEvent: 'close' | 'exit'): Channel<In, Out> {
  return {
    send: (message, transfer) => port.postMessage(message, transfer),
    onMessage: (listener) => port.on('message', listener),
    onClose: (listener) => port.once(closeEvent, listener)
  };
}

/** Starts the host in a new worker thread; its `ready` says whether the library opened. */
export function startServiceThread(options: HostOptions): RemoteService {
  const worker = new Worker(workerEntry('service-thread'), { workerData: options });
  worker.on('error', (error) => console.error('[factdesk] the service thread failed:', error));
  return connectService(portChannel<HostMessage, FrontMessage>(worker, 'exit'));
}
