/** The application menu: File → Export Fact Sheet… asks the renderer for its export dialog; Edit has the editing roles. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../src/main/electron/menu';

function menu(label: string, platform: NodeJS.Platform, calls: string[] = []): MenuItemConstructorOptions[] {
  const template = appMenuTemplate(
    {
      openArticle: () => calls.push('open'),
      exportFactSheet: () => calls.push('export'),
      openSharedFile: () => calls.push('open shared'),
      exportAnnotationFile: () => calls.push('export annotations'),
      print: () => calls.push('print'),
      showAbout: () => calls.push('about')
    },
    { isPackaged: true, platform }
  );
  return template.find((entry) => entry.label === label)!.submenu as MenuItemConstructorOptions[];
}

const fileMenu = (platform: NodeJS.Platform, calls: string[]) => menu('&File', platform, calls);

describe('File menu', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`has "Export Fact Sheet…" (Ctrl/Cmd+E) on ${platform}`, () => {
      const calls: string[] = [];
      const item = fileMenu(platform, calls).find((entry) => entry.label === 'Export Fact Sheet…');
      expect(item?.accelerator).toBe('CmdOrCtrl+E');
      (item!.click as () => void)();
      expect(calls).toEqual(['export']);
    });
  }
  it('opens and exports shared annotation files', () => {
    const calls: string[] = [];
    const items = fileMenu('linux', calls);
    for (const label of ['Open Shared Annotation File…', 'Export Annotation File…']) {
      (items.find((entry) => entry.label === label)!.click as () => void)();
    }
    expect(calls).toEqual(['open shared', 'export annotations']);
  });
  it('prints the window with Ctrl/Cmd+P (the document view prints its article)', () => {
    const calls: string[] = [];
    const item = fileMenu('linux', calls).find((entry) => entry.label === 'Print…');
    expect(item?.accelerator).toBe('CmdOrCtrl+P');
    (item!.click as () => void)();
    expect(calls).toEqual(['print']);
  });
});

describe('Edit menu', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`has the editing roles on ${platform}`, () => {
      const roles = menu('&Edit', platform).flatMap((entry) => (entry.role ? [entry.role] : []));
      expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    });
  }

  it('leaves Ctrl+Z and Ctrl+Shift+Z to the page (undo through the history)', () => {
    const items = menu('&Edit', 'linux').filter((entry) => entry.role === 'undo' || entry.role === 'redo');
    expect(items.map((entry) => entry.registerAccelerator)).toEqual([false, false]);
  });
});
