/**
 * Session- and page-level guards: no permissions, a CSP header,
 * no navigation away from the app, no new windows, no <webview>; http(s) links go to the system browser.
 * Only type imports from electron: the system-browser opener is passed in, so a test can check every
 * handler under plain Node.
 */
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, externalLink } from './window';

/** shell.openExternal in the app. */
export type OpenExternal = (url: string) => Promise<void>;

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  // Camera, notifications, geolocation, clipboard reads, …: the app needs none of them.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({});
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy')
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Applied to every WebContents the app creates (see app 'web-contents-created'). */
export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: OpenExternal): void {
  const openInSystemBrowser = (url: string) => {
    const link = externalLink(url);
    if (!link) return;
    openExternal(link).catch((error: unknown) => {
      console.error(`Could not open ${link} in the system browser:`, error);
    });
  };
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openInSystemBrowser(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
