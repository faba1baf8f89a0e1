/** The worker thread that runs the service host (started by startServiceThread). */
import { parentPort, workerData } from 'node:worker_threads';
import { startHost, type HostOptions } from './host';
import type { FrontMessage, HostMessage } from './protocol';
import { portChannel } from './thread';

const port = parentPort!;
startHost(portChannel<FrontMessage, HostMessage>(port, 'close'), workerData as HostOptions, () => port.close());
