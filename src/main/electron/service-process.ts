/**
 * The Electron utility process that runs the API service: the library connection and every long job
 * live here, so the main process (windows, menus, dialogs) never waits on them. main.ts sends the
 * host options with the port to answer on.
 */
import { startHost, type HostOptions } from '../service-host/host';
import type { FrontMessage, HostMessage } from '../service-host/protocol';
import { electronPortChannel } from './service-channel';

process.parentPort.once('message', ({ data, ports: [port] }) => {
  if (!port) return process.exit(1);
  startHost(electronPortChannel<FrontMessage, HostMessage>(port), data as HostOptions, () => {
    port.close();
    process.exit(0);
  });
});
