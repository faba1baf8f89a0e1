/**
 * The packaging configuration (electron-builder.json, used by `npm run dist`): checked here because
 * no installer can be built on a machine without the Electron binary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../electron-builder.json';
import packageJson from '../../../package.json';
import { BINDING_FILE, electronBindingPath } from '../../../src/main/electron/native-binding';
import { SHARED_FILE_EXTENSION } from '../../../src/shared/shared-file-name';

const MIME_XML = readFileSync(new URL('../../../resources/linux/factdesk-mime.xml', import.meta.url), 'utf8');

describe('electron-builder configuration', () => {
  it('makes an AppImage and a deb on Linux, a dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the build and the manifest, with the app entry the manifest names', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json']);
    expect(packageJson.main).toBe('out/main/index.js');
    expect(packageJson.scripts.dist).toBe('node scripts/dist.mjs');
  });

  it('keeps better-sqlite3 out of the asar archive (a native module cannot load from inside it)', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    // The Electron build of it is a resource of its own (scripts/dist.mjs), where the app looks for it.
    const paths = { isPackaged: true, appPath: '/opt/Factdesk/resources/app.asar', resourcesPath: '/opt/Factdesk/resources', electronVersion: '42.0.0' };
    expect(electronBindingPath(paths)).toBe(`/opt/Factdesk/resources/electron-native/${BINDING_FILE}`);
  });

  it('opens shared annotation files (*.factdesk.json) with the Linux MIME type', () => {
    expect(config.fileAssociations).toHaveLength(1);
    const [association] = config.fileAssociations;
    expect(`.${association!.ext}`).toBe(SHARED_FILE_EXTENSION);
    expect(MIME_XML).toContain(`<mime-type type="${association!.mimeType}">`);
    expect(MIME_XML).toContain(`<glob pattern="*.${association!.ext}"`);
    expect(config.linux.mimeTypes).toEqual([association!.mimeType]);
  });

  it('turns off running as Node and the Node inspector arguments (fuses)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true
    });
  });
});
