/** The application menu: File → Export Fact Sheet… asks the renderer for its export dialog. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../src/main/electron/menu';

function fileMenu(platform: NodeJS.Platform, calls: string[]): MenuItemConstructorOptions[] {
  const template = appMenuTemplate(
    {
      openArticle: () => calls.push('open'),
      exportFactSheet: () => calls.push('export'),
      openSharedFile: () => calls.push('open shared'),
      exportAnnotationFile: () => calls.push('export annotations'),
      showAbout: () => calls.push('about')
    },
    { isPackaged: true, platform }
  );
  return template.find((menu) => menu.label === '&File')!.submenu as MenuItemConstructorOptions[];
}

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
});
