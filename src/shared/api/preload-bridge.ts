/**
 * What the Electron preload exposes to the renderer as `window.factdesk`, and the events the main
 * process pushes to it. The preload and the main process share the channel names from here.
 */
import type { AppError } from '../result';
import type { Transport } from './client';
import type { ExchangeReport } from './methods/exchange';

/** The one IPC channel for API calls: (method, input) -> Result. */
export const CALL_CHANNEL = 'factdesk:call';
/** Main -> renderer notifications for things that happen outside the page (menus, dialogs). */
export const EVENT_CHANNEL = 'factdesk:event';

export type AppEvent =
  /** File → Open Article… imported a file (or found the same text already in the library). */
  | { type: 'document-opened'; id: string; existing: boolean }
  /** File → Export Fact Sheet…: the renderer opens its export dialog for the open document. */
  | { type: 'export-fact-sheet' }
  /** File → Open Shared Annotation File… opened (imported or merged) a colleague's file. */
  | { type: 'shared-file-opened'; report: ExchangeReport }
  /** …or refused it; nothing in the library changed. `details` carry e.g. the JSON pointers of schema errors. */
  | { type: 'shared-file-refused'; fileName: string; error: AppError }
  /** File → Export Annotation File…: the renderer writes the open document's file. */
  | { type: 'export-annotation-file' }
  /** Something the main process did for the user failed; the message names the file and the reason. */
  | { type: 'error'; message: string };

export interface FactdeskBridge {
  call: Transport;
  /** Subscribes to main-process events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  mode: 'electron';
}
