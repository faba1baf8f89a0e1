import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktopEntry, installLinuxFileType, SHARED_FILE_MIME_TYPE } from '../../../src/main/desktop/linux-file-type';

const MIME_XML = fileURLToPath(new URL('../../../resources/linux/factdesk-mime.xml', import.meta.url));

let home: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'factdesk-xdg-'));
  env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_DIRS: join(home, 'data') };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('desktopEntry', () => {
  it('quotes every launch argument and passes the file as %f', () => {
    const entry = desktopEntry(['/usr/bin/node', '/home/ada/my $projects/"factdesk"/scripts/start.mjs']);
    expect(entry).toContain('Exec="/usr/bin/node" "/home/ada/my \\$projects/\\"factdesk\\"/scripts/start.mjs" %f\n');
    expect(entry).toContain(`MimeType=${SHARED_FILE_MIME_TYPE};\n`);
  });
});

describe('installLinuxFileType', () => {
  it('registers *.factdesk.json and makes Factdesk its default application', () => {
    const launch = [process.execPath, '/opt/factdesk/scripts/start.mjs', '--data', '/srv/library'];
    const result = installLinuxFileType({ dataHome: env.XDG_DATA_HOME!, mimeXmlPath: MIME_XML, launch, env });
    expect(result).toEqual({ ok: true, value: { desktopEntry: join(home, 'data/applications/factdesk.desktop'), mimePackage: join(home, 'data/mime/packages/factdesk.xml') } });
    expect(readFileSync(result.ok ? result.value.desktopEntry : '', 'utf8')).toContain('"--data" "/srv/library" %f');
    // update-mime-database compiled the glob into the user's MIME database…
    expect(readFileSync(join(home, 'data/mime/globs2'), 'utf8')).toContain(`80:${SHARED_FILE_MIME_TYPE}:*.factdesk.json`);
    // …and xdg-mime answers with our desktop entry for the type.
    const query = spawnSync('xdg-mime', ['query', 'default', SHARED_FILE_MIME_TYPE], { env, encoding: 'utf8' });
    expect(query.stdout.trim()).toBe('factdesk.desktop');
  });

  it('names the missing tool and its Debian package', () => {
    const result = installLinuxFileType({ dataHome: env.XDG_DATA_HOME!, mimeXmlPath: MIME_XML, launch: ['factdesk'], env: { ...env, PATH: join(home, 'empty') } });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'update-mime-database: not installed (Debian package shared-mime-info)' } });
  });
});
