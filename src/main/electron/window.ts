/**
 * The main window's security settings and the URL rules the Electron layer enforces.
 * Only type imports from electron, so tests can check every item under plain Node.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { START_SCRIPT } from '../../shared/api/start-script';
import { SHEET_CSS } from '../export/html-style';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The fact-sheet preview is a sandboxed srcdoc frame, which inherits the page's policy: the sheet's
 * one inline stylesheet is allowed by its hash. Nothing else may style inline: the page sets styles
 * through the CSSOM only (Svelte style: directives).
 */
const SHEET_STYLE = sha256(SHEET_CSS);

/**
 * The page's policy: the build writes it into the meta tag of index.html (electron.vite.config.ts)
 * and the browser mode sends that as a header. Its one inline script, which sends the window's first
 * request while the page parses, is allowed by its hash.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${sha256(START_SCRIPT)}`,
  `style-src 'self' ${SHEET_STYLE}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ');

/** What the desktop app sends as a header: the page's policy plus frame-ancestors, which a meta tag cannot carry. */
export const CONTENT_SECURITY_POLICY = `${PAGE_POLICY}; frame-ancestors 'none'`;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Factdesk',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A file dropped outside the page's drop zone must not replace the app.
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries on Linux and Windows; the app stays offline.
      spellcheck: false
    }
  };
}

/** Where the renderer comes from: the built file, or electron-vite's dev server during `electron-vite dev`. */
export type RendererLocation = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export function rendererLocation(options: {
  indexHtmlPath: string;
  isPackaged: boolean;
  devServerUrl: string | undefined;
}): RendererLocation {
  const { indexHtmlPath, isPackaged, devServerUrl } = options;
  // A packaged app never loads anything but its own files, whatever the environment says.
  if (!isPackaged && devServerUrl && isLoopbackHttpUrl(devServerUrl)) return { kind: 'url', url: devServerUrl };
  return { kind: 'file', path: indexHtmlPath };
}

/** True when `url` is the renderer page itself (any #route), the only page allowed to call the API. */
export function isRendererPage(url: string, location: RendererLocation): boolean {
  const page = parseUrl(url);
  if (!page) return false;
  if (location.kind === 'file') {
    const expected = pathToFileURL(location.path);
    return page.protocol === 'file:' && page.pathname === expected.pathname && page.host === expected.host;
  }
  return page.origin === new URL(location.url).origin;
}

/** The link to hand to the system browser, or null: only http(s) leaves the app. */
export function externalLink(url: string): string | null {
  const link = parseUrl(url);
  return link && (link.protocol === 'http:' || link.protocol === 'https:') ? link.href : null;
}

function isLoopbackHttpUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'http:' &&
    ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  );
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
