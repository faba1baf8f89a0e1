/**
 * The Electron app: one instance per library, the same library folder as the CLI and the browser
 * mode, the service behind one IPC channel, one hardened window, the menu. It only wires: the
 * service (the library and every long job) runs in a utility process of its own.
 */
import { app, BrowserWindow, dialog, Menu, MessageChannelMain, session, shell, utilityProcess, type OpenDialogOptions } from 'electron';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { claimLibrary } from '../library-lock';
import type { HostOptions } from '../service-host/host';
import { connectService, type FrontMessage, type HostMessage, type RemoteService } from '../service-host/protocol';
import { EVENT_CHANNEL, type AppEvent, type DesktopFileKind } from '../../shared/api/preload-bridge';
import { OPEN_ARTICLE_DIALOG, OPEN_SHARED_FILE_DIALOG, appArguments, readDesktopFile, sharedFileArguments } from './desktop-files';
import { saveDownloadsWithDialog } from './downloads';
import { guardWebContents, hardenSession } from './hardening';
import { bindApiChannel } from './ipc';
import { appMenuTemplate } from './menu';
import { findElectronBinding } from './native-binding';
import { electronPrintToPdf } from './print-to-pdf';
import { electronPortChannel } from './service-channel';
import { mainWindowOptions, rendererLocation } from './window';

const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const SERVICE_PROCESS_PATH = fileURLToPath(new URL('./service-process.js', import.meta.url));
const RENDERER_LOCATION = rendererLocation({
  indexHtmlPath: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL
});

const dataDir = resolve(resolveDataDir(dataArgument()));

app.setName('Factdesk');
// Chromium's profile (caches, local storage) lives inside the library folder, so the single-instance
// lock below is per library: two windows never write one SQLite file, two libraries can be open at once.
app.setPath('userData', join(dataDir, 'electron-profile'));

let mainWindow: BrowserWindow | null = null;
/** Resolves once the main window's page has loaded (its preload holds events until the page listens). */
let pageLoaded: Promise<unknown> | null = null;
let markStarted!: () => void;
/** Resolves when the library is open and the service answers the window. */
const started = new Promise<void>((resolve) => (markStarted = resolve));

if (app.requestSingleInstanceLock()) {
  // File association: Windows and Linux start the app (or a second instance) with the file's path;
  // macOS sends open-file, possibly before the app is ready.
  for (const path of sharedFileArguments(appArguments(process.argv), process.cwd())) void openFromSystem(path);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromSystem(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    for (const path of sharedFileArguments(appArguments(argv), workingDirectory)) void openFromSystem(path);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => abort('Factdesk could not start', error));
} else {
  app.quit();
}

async function start(): Promise<void> {
  const binding = findElectronBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron
  });
  if (!binding.ok) return abort('Factdesk cannot open its library', binding.error.message);

  const claim = claimLibrary(dataDir, 'desktop app');
  if (!claim.ok) return abort('Factdesk cannot open its library', claim.error.message);
  const service = startServiceProcess({
    dataDir,
    mode: 'electron',
    version: app.getVersion(),
    nativeBinding: binding.value,
    printThroughFront: true
  });
  const ready = await service.ready;
  if (!ready.ok) {
    claim.value.release();
    return abort('Factdesk cannot open its library', ready.error.message);
  }
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Quit once the library is closed cleanly.
    event.preventDefault();
    void service.shutdown().finally(() => {
      closed = true;
      claim.value.release();
      app.quit();
    });
  });

  hardenSession(session.defaultSession);
  saveDownloadsWithDialog(
    session.defaultSession,
    () => app.getPath('documents'),
    (path) => tellRenderer({ type: 'file-saved', fileName: basename(path), folder: dirname(path) })
  );
  bindApiChannel(service, RENDERER_LOCATION, () => mainWindow);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        {
          openArticle: () => void openPicked(OPEN_ARTICLE_DIALOG, 'article'),
          exportFactSheet: () => tellRenderer({ type: 'export-fact-sheet' }),
          openSharedFile: () => void openPicked(OPEN_SHARED_FILE_DIALOG, 'shared-file'),
          exportAnnotationFile: () => tellRenderer({ type: 'export-annotation-file' }),
          print: () => mainWindow?.webContents.print(),
          showAbout
        },
        { isPackaged: app.isPackaged, platform: process.platform }
      )
    )
  );
  mainWindow = createMainWindow();
  markStarted();
  app.on('activate', () => {
    mainWindow ??= createMainWindow();
  });
}

/** The service's utility process, answering on a port of its own; it has no windows, so main prints its fact sheets. */
function startServiceProcess(options: HostOptions): RemoteService {
  const child = utilityProcess.fork(SERVICE_PROCESS_PATH, [], { serviceName: 'Factdesk library' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(options, [port2]);
  const channel = electronPortChannel<HostMessage, FrontMessage>(port1);
  // A crashed process closes no port: its exit ends the calls in flight too.
  const onClose = (listener: () => void) => {
    channel.onClose(listener);
    child.once('exit', listener);
  };
  return connectService({ ...channel, onClose }, electronPrintToPdf);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(PRELOAD_PATH));
  window.once('ready-to-show', () => window.show());
  pageLoaded = once(window.webContents, 'did-finish-load');
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  const loading =
    RENDERER_LOCATION.kind === 'file' ? window.loadFile(RENDERER_LOCATION.path) : window.loadURL(RENDERER_LOCATION.url);
  loading.catch((error: unknown) => abort('Factdesk could not load its window', error));
  return window;
}

/** File → Open…: the file picked in the native dialog is read here and handed to the renderer. */
async function openPicked(options: OpenDialogOptions, kind: DesktopFileKind): Promise<void> {
  const window = mainWindow;
  if (!window) return;
  const choice = await dialog.showOpenDialog(window, options);
  const [path] = choice.filePaths;
  if (choice.canceled || !path) return;
  tellRenderer(await readDesktopFile(path, kind));
}

/** A shared annotation file opened from the operating system: previewed in the window like a dropped one. */
async function openFromSystem(path: string): Promise<void> {
  const event = await readDesktopFile(path, 'shared-file');
  await started;
  mainWindow ??= createMainWindow();
  await pageLoaded;
  tellRenderer(event);
}

/** The renderer owns the exports (it knows which document is open); the menu only asks for them. */
function tellRenderer(event: AppEvent): void {
  const window = mainWindow;
  if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
}

function showAbout(): void {
  const detail = [
    'An offline workbench for fact-checkers.',
    `Library: ${dataDir}`,
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`
  ].join('\n');
  const options = { type: 'info' as const, title: 'About Factdesk', message: `Factdesk ${app.getVersion()}`, detail };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** `--data DIR` picks the library, as for the CLI and the browser mode; Chromium's own switches pass through. */
function dataArgument(): string | undefined {
  const { values } = parseArgs({
    args: appArguments(process.argv),
    options: { data: { type: 'string' } },
    strict: false,
    allowPositionals: true
  });
  return typeof values.data === 'string' ? values.data : undefined;
}

function abort(title: string, reason: unknown): void {
  const message = reason instanceof Error ? reason.message : String(reason);
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}
