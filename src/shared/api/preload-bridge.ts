/**
 * What the Electron preload exposes to the renderer as `window.factdesk`, and the events the main
 * process pushes to it. The preload and the main process share the channel names from here.
 */
import type { AppError } from '../result';
import type { Transport } from './client';

/** The one IPC channel for API calls: (method, input, acting user) -> Result. */
export const CALL_CHANNEL = 'factdesk:call';
/** Main -> renderer notifications for things that happen outside the page (menus, dialogs). */
export const EVENT_CHANNEL = 'factdesk:event';

/** An article to import, or a shared annotation file to preview and open. */
export type DesktopFileKind = 'article' | 'shared-file';

export type AppEvent =
  /**
   * A file picked in File → Open Article… / Open Shared Annotation File…, or opened from the
   * operating system (file association): the renderer handles it as if it had been dropped.
   */
  | { type: 'file-picked'; kind: DesktopFileKind; fileName: string; bytes: Uint8Array<ArrayBuffer> }
  /** File → Export Fact Sheet…: the renderer opens its export dialog for the open document. */
  | { type: 'export-fact-sheet' }
  /** A shared annotation file could not even be read (too large, unreadable); nothing in the library changed. */
  | { type: 'shared-file-refused'; fileName: string; error: AppError }
  /** File → Export Annotation File…: the renderer writes the open document's file. */
  | { type: 'export-annotation-file' }
  /** A file the page offered was written where the user chose in the Save dialog. */
  | { type: 'file-saved'; fileName: string; folder: string }
  /** Something the main process did for the user failed; the message names the file and the reason. */
  | { type: 'error'; message: string };

export interface FactdeskBridge {
  call: Transport;
  /**
   * Subscribes to main-process events; returns the unsubscribe function. Events that arrive
   * before the page's first subscription (a file opened at launch) are held and given to it.
   */
  onEvent(listener: (event: AppEvent) => void): () => void;
  mode: 'electron';
}
