/**
 * The Electron security checklist, item by item, against the exported configuration and handlers
 * the app wires (src/main/electron). Runs under plain Node: nothing here needs the Electron binary.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardWebContents, hardenSession } from '../../../src/main/electron/hardening';
import { SHEET_CSS } from '../../../src/main/export/html-style';
import { CONTENT_SECURITY_POLICY, externalLink, isRendererPage, mainWindowOptions } from '../../../src/main/electron/window';
import { START_SCRIPT } from '../../../src/shared/api/start-script';

type Handler = (...args: never[]) => unknown;

/** Records what the app registers on a session / web contents so each handler can be called. */
function recorder() {
  const handlers = new Map<string, Handler>();
  const record = (name: string) => (handler: Handler) => handlers.set(name, handler);
  return {
    handlers,
    session: {
      setPermissionRequestHandler: record('permissionRequest'),
      setPermissionCheckHandler: record('permissionCheck'),
      webRequest: { onHeadersReceived: record('headersReceived') }
    },
    contents: {
      on: (event: string, handler: Handler) => handlers.set(event, handler),
      setWindowOpenHandler: record('windowOpen')
    }
  };
}

describe('Electron security checklist', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;

  it('isolates the renderer: contextIsolation and sandbox on, nodeIntegration off everywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('keeps web security on and refuses insecure content and <webview>', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('has a CSP without unsafe-eval, inline scripts or styles or remote origins, identical to the built page meta', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    // Scripts from the app's own files, and the page's one inline script (START_SCRIPT) by its hash.
    const scriptHash = createHash('sha256').update(START_SCRIPT).digest('base64');
    expect(directives.find((d) => d.startsWith('script-src'))).toBe(`script-src 'self' 'sha256-${scriptHash}'`);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/);
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-hashes/);
    // Styles from the app's own files, and the fact sheet's stylesheet (in the export preview) by its hash.
    const sheetHash = createHash('sha256').update(SHEET_CSS).digest('base64');
    expect(directives.find((d) => d.startsWith('style-src'))).toBe(`style-src 'self' 'sha256-${sheetHash}'`);
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'out', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors works only in the header: a meta tag with it logs an error on every load.
    expect(meta).not.toMatch(/frame-ancestors/);
    expect(`${meta?.replace(/\s+/g, ' ')}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY.replace(/\s+/g, ' '));
  });

  it('builds the page with exactly one inline script, the one its policy allows by hash', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'out', 'renderer', 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    expect(inline).toEqual([START_SCRIPT]);
    const allowed = /script-src ([^;]+)/.exec(CONTENT_SECURITY_POLICY)?.[1].split(' ');
    expect(allowed).toContain(`'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`);
  });

  it('denies every permission request and check', () => {
    const { handlers, session } = recorder();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (handlers.get('permissionRequest') as (...a: unknown[]) => void)({}, permission, (g: boolean) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((handlers.get('permissionCheck') as (...a: unknown[]) => boolean)({}, permission)).toBe(false);
    }
  });

  it('replaces any CSP header of a page with the app policy', () => {
    const { handlers, session } = recorder();
    hardenSession(session as never);
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    (handlers.get('headersReceived') as (...a: unknown[]) => void)(
      { resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval' *"] } },
      (a: typeof answer) => (answer = a)
    );
    expect(answer.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('denies navigation and new windows, opening only http(s) links in the system browser', () => {
    const { handlers, contents } = recorder();
    const opened: string[] = [];
    guardWebContents(contents as never, async (url) => void opened.push(url));
    for (const url of ['https://example.org/a', 'http://example.org/b', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'mailto:a@b.c']) {
      let prevented = false;
      (handlers.get('will-navigate') as (...a: unknown[]) => void)({ url, preventDefault: () => (prevented = true) });
      expect(prevented, url).toBe(true);
      expect((handlers.get('windowOpen') as (...a: unknown[]) => unknown)({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.org/a', 'https://example.org/a', 'http://example.org/b', 'http://example.org/b']);
    let webviewPrevented = false;
    (handlers.get('will-attach-webview') as (...a: unknown[]) => void)({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('loads no remote content: only the app page may call the API, shell links only for http(s)', () => {
    const location = { kind: 'file', path: '/app/out/renderer/index.html' } as const;
    expect(isRendererPage('file:///app/out/renderer/index.html#/doc/1', location)).toBe(true);
    expect(isRendererPage('https://evil.example/app/out/renderer/index.html', location)).toBe(false);
    expect(isRendererPage('file:///etc/passwd', location)).toBe(false);
    expect(externalLink('javascript:alert(1)')).toBeNull();
    expect(externalLink('file:///etc/passwd')).toBeNull();
    expect(externalLink('https://example.org')).toBe('https://example.org/');
  });
});
