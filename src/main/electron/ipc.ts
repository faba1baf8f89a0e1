/**
 * The one IPC channel: `factdesk:call` (method, input, acting user) -> the service's Result.
 * Only the top frame of the app's own window, showing the renderer page, may call it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Service } from '../api/service';
import { fail, type Result } from '../../shared/result';
import { CALL_CHANNEL } from '../../shared/api/preload-bridge';
import { isRendererPage, type RendererLocation } from './window';

export function bindApiChannel(
  service: Service,
  location: RendererLocation,
  appWindow: () => BrowserWindow | null
): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown, actingUser: unknown): Promise<Result<unknown>> => {
    if (!isAppFrame(event, location, appWindow())) {
      return Promise.resolve(fail('forbidden', 'API calls are accepted only from the Factdesk window'));
    }
    if (typeof method !== 'string') {
      return Promise.resolve(fail('unknown_method', 'The API method name must be a string'));
    }
    if (actingUser !== undefined && typeof actingUser !== 'string') {
      return Promise.resolve(fail('invalid_input', 'The acting user must be a name'));
    }
    return service.call(method, input, actingUser);
  });
}

function isAppFrame(event: IpcMainInvokeEvent, location: RendererLocation, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return (
    window !== null &&
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    isRendererPage(frame.url, location)
  );
}
