/** An Electron MessagePortMain as a channel of the service-host protocol (src/main/service-host/protocol.ts). */
import type { MessagePortMain } from 'electron';
import type { Channel } from '../service-host/protocol';

export function electronPortChannel<In, Out>(port: MessagePortMain): Channel<In, Out> {
  port.start();
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as In)),
    onClose: (listener) => port.once('close', listener)
  };
}
