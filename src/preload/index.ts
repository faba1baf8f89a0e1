/**
 * The sandboxed preload: exposes `window.factdesk` (see FactdeskBridge) and nothing else.
 * Sandboxed preloads cannot require local files, so the build bundles src/shared into this script.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName } from '../shared/api/contract';
import { CALL_CHANNEL, EVENT_CHANNEL, type AppEvent, type FactdeskBridge } from '../shared/api/preload-bridge';
import { fail } from '../shared/result';

const listeners = new Set<(event: AppEvent) => void>();
/** Events that came before the page subscribed (e.g. a file the app was launched with). */
let held: AppEvent[] = [];

// Only the payload crosses into the page, never the IPC event (it would expose ipcRenderer).
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, payload: AppEvent) => {
  if (listeners.size === 0) held.push(payload);
  for (const listener of listeners) listener(payload);
});

const bridge: FactdeskBridge = {
  call(method, input, actingUser) {
    // The renderer is typed, but the page is still untrusted code: refuse names outside the contract here.
    if (typeof method !== 'string' || !isMethodName(method)) {
      return Promise.resolve(fail('unknown_method', `Unknown API method: ${String(method)}`));
    }
    return ipcRenderer.invoke(CALL_CHANNEL, method, input, actingUser);
  },
  onEvent(listener) {
    listeners.add(listener);
    const waiting = held;
    held = [];
    for (const event of waiting) listener(event);
    return () => {
      listeners.delete(listener);
    };
  },
  mode: 'electron'
};

contextBridge.exposeInMainWorld('factdesk', bridge);
