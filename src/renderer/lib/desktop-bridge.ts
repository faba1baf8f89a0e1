import type { FactdeskBridge } from '../../shared/api/preload-bridge';

declare global {
  interface Window {
    factdesk?: FactdeskBridge;
  }
}

/** The preload's bridge when this page runs in the desktop app; null in browser mode. Read at call time, so importing this module touches no window. */
export const desktopBridge = (): FactdeskBridge | null => (window.factdesk?.mode === 'electron' ? window.factdesk : null);
