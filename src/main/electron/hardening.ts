/**
 * Session- and page-level guards (DESIGN §4, Electron hardening): no permissions, a CSP header,
 * no navigation away from the app, no new windows, no <webview>; http(s) links go to the system browser.
 */
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, externalLink } from './window';

export function hardenSession(session: Session): void {
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
export function guardWebContents(contents: WebContents): void {
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

function openInSystemBrowser(url: string): void {
  const link = externalLink(url);
  if (!link) return;
  shell.openExternal(link).catch((error: unknown) => {
    console.error(`Could not open ${link} in the system browser:`, error);
  });
}
