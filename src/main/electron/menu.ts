/**
 * The application menu as a plain template (type imports only, so it can be inspected in tests).
 * Undo and redo register no accelerator: the page handles Ctrl+Z / Ctrl+Shift+Z itself (the
 * history in the article, the field's own undo in a field), and a menu accelerator would take the
 * keys first. Chosen from the menu they undo or redo typing in the focused field.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openArticle(): void;
  exportFactSheet(): void;
  openSharedFile(): void;
  exportAnnotationFile(): void;
  /** Prints the window: in the document view, the article with its marks (the page's print styles). */
  print(): void;
  showAbout(): void;
}

export function appMenuTemplate(
  actions: MenuActions,
  options: { isPackaged: boolean; platform: NodeJS.Platform }
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' }
  ];
  return [
    // macOS puts Quit and About in the application menu.
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Article…', accelerator: 'CmdOrCtrl+O', click: () => actions.openArticle() },
        { label: 'Export Fact Sheet…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportFactSheet() },
        { type: 'separator' },
        { label: 'Open Shared Annotation File…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openSharedFile() },
        { label: 'Export Annotation File…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportAnnotationFile() },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo', registerAccelerator: false },
        { role: 'redo', registerAccelerator: false },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' }
      ]
    },
    { label: '&View', submenu: view },
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    {
      role: 'help',
      label: '&Help',
      submenu: [{ label: 'About Factdesk', click: () => actions.showAbout() }]
    }
  ];
}
