import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appArguments, readDesktopFile, sharedFileArguments } from '../../../src/main/electron/desktop-files';
import { MAX_ANNOTATION_FILE_BYTES, MAX_IMPORT_BYTES } from '../../../src/shared/api/file-limits';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-desktop-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readDesktopFile', () => {
  it('hands the bytes and the bare file name to the renderer, for either kind', async () => {
    const path = join(dir, 'Ada’s review.factdesk.json');
    writeFileSync(path, '{"formatVersion": 1}');
    const event = await readDesktopFile(path, 'shared-file');
    expect(event).toMatchObject({ type: 'file-picked', kind: 'shared-file', fileName: 'Ada’s review.factdesk.json' });
    expect(event.type === 'file-picked' && Buffer.from(event.bytes).toString()).toBe('{"formatVersion": 1}');
    expect(await readDesktopFile(path, 'article')).toMatchObject({ type: 'file-picked', kind: 'article' });
  });

  it('refuses a file over the limit of its kind without reading it', async () => {
    const shared = join(dir, 'huge.factdesk.json');
    writeFileSync(shared, '');
    truncateSync(shared, MAX_ANNOTATION_FILE_BYTES + 1); // sparse: no 50 MB written
    expect(await readDesktopFile(shared, 'shared-file')).toEqual({
      type: 'shared-file-refused',
      fileName: 'huge.factdesk.json',
      error: { code: 'too_large', message: expect.stringMatching(/^huge\.factdesk\.json: the file is too large \(50\.0 MB; the limit is 50\.0 MB\)\.$/) }
    });
    const article = join(dir, 'huge.pdf');
    writeFileSync(article, '');
    truncateSync(article, MAX_IMPORT_BYTES + 1);
    expect(await readDesktopFile(article, 'article')).toEqual({
      type: 'error',
      message: 'Cannot import "huge.pdf": the file (20.0 MB) is larger than the 20 MB import limit.'
    });
  });

  it('says why a missing path or a folder cannot be opened', async () => {
    const missing = await readDesktopFile(join(dir, 'gone.factdesk.json'), 'shared-file');
    expect(missing).toMatchObject({ type: 'shared-file-refused', error: { code: 'invalid_input', message: expect.stringMatching(/^gone\.factdesk\.json: cannot read the file \(ENOENT/) } });
    const folder = join(dir, 'folder.factdesk.json');
    mkdirSync(folder);
    expect(await readDesktopFile(folder, 'shared-file')).toMatchObject({ error: { message: 'folder.factdesk.json: not a file.' } });
  });
});

describe('sharedFileArguments', () => {
  it('takes the shared files of a command line, resolved against where it ran', () => {
    const argv = ['/opt/factdesk', '--no-sandbox', '--data', '/libs/x.factdesk.json', 'in/Review.FACTDESK.JSON', '/tmp/a.factdesk.json', 'notes.json', '.'];
    expect(sharedFileArguments(argv, '/home/ada')).toEqual(['/home/ada/in/Review.FACTDESK.JSON', '/tmp/a.factdesk.json']);
  });

  it('finds nothing in a plain start', () => {
    expect(sharedFileArguments(['/work/factdesk', '--data', 'lib'], '/')).toEqual([]);
  });
});

describe('appArguments', () => {
  it('takes what follows -- (npm start puts it before the user’s arguments)', () => {
    const argv = ['/usr/lib/electron', '--no-sandbox', '/work/factdesk', '--', '--data', 'lib', 'a.factdesk.json'];
    expect(appArguments(argv)).toEqual(['--data', 'lib', 'a.factdesk.json']);
    expect(sharedFileArguments(appArguments(argv), '/home/ada')).toEqual(['/home/ada/a.factdesk.json']);
  });

  it('takes everything after the executable when there is no --, as when the system opens a file', () => {
    expect(appArguments(['/opt/Factdesk/factdesk', '/tmp/a.factdesk.json'])).toEqual(['/tmp/a.factdesk.json']);
  });
});
