/**
 * The sandboxed preload: exposes `window.factdesk` (see FactdeskBridge) and nothing else.
 * Sandboxed preloads cannot require local files, so the build bundles src/shared into this script.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName } from '../shared/api/contract';
import { CALL_CHANNEL, EVENT_CHANNEL, type AppEvent, type FactdeskBridge } from '../shared/api/preload-bridge';
import { fail } from '../shared/result';

const bridge: FactdeskBridge = {
  call(method, input) {
    // The renderer is typed, but the page is still untrusted code: refuse names outside the contract here.
    if (typeof method !== 'string' || !isMethodName(method)) {
      return Promise.resolve(fail('unknown_method', `Unknown API method: ${String(method)}`));
    }
    return ipcRenderer.invoke(CALL_CHANNEL, method, input);
  },
  onEvent(listener) {
    // Only the payload crosses into the page, never the IPC event (it would expose ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  mode: 'electron'
};

contextBridge.exposeInMainWorld('factdesk', bridge);
