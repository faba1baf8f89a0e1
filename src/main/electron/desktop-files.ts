/**
 * Files that reach the desktop app from outside the page: picked in File → Open Article… or
 * File → Open Shared Annotation File…, or handed over by the operating system (a double-clicked
 * `*.factdesk.json`: on the command line for Windows and Linux, an `open-file` event on macOS).
 * They are read here and passed to the renderer as bytes, which then takes the same path as a
 * dropped file: the import tray with its progress and Cancel, or the shared-file preview before
 * anything is written. The renderer never sees a path.
 * No runtime import of electron, so this runs in plain-Node tests.
 */
import type { OpenDialogOptions } from 'electron';
import { basename, resolve } from 'node:path';
import { MAX_ANNOTATION_FILE_BYTES, MAX_IMPORT_BYTES, cannotImport, importTooLarge, megabytes } from '../../shared/api/file-limits';
import type { AppEvent, DesktopFileKind } from '../../shared/api/preload-bridge';
import { isSharedFileArgument } from '../../shared/shared-file-name';
import { readLimitedFile } from '../limited-file';

export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'];

export const OPEN_ARTICLE_DIALOG: OpenDialogOptions = {
  title: 'Open Article',
  properties: ['openFile'],
  filters: [{ name: 'Articles', extensions: ARTICLE_EXTENSIONS }]
};

export const OPEN_SHARED_FILE_DIALOG: OpenDialogOptions = {
  title: 'Open Shared Annotation File',
  properties: ['openFile'],
  filters: [{ name: 'Factdesk annotation files', extensions: ['json'] }]
};

const LIMITS: Record<DesktopFileKind, number> = { article: MAX_IMPORT_BYTES, 'shared-file': MAX_ANNOTATION_FILE_BYTES };

/** Reads the file for the renderer, or says in one event why it cannot be opened. */
export async function readDesktopFile(path: string, kind: DesktopFileKind): Promise<AppEvent> {
  const fileName = basename(path);
  const limit = LIMITS[kind];
  const read = await readLimitedFile(path, { limit, specialFiles: 'refuse' });
  if (read.ok) return { type: 'file-picked', kind, fileName, bytes: new Uint8Array(read.value) };
  const refusal = read.error;
  if (kind === 'article') {
    // Articles are refused in the words of every other import path.
    const reason =
      refusal.kind === 'too_large'
        ? importTooLarge(refusal.size)
        : refusal.kind === 'unreadable'
          ? `the file could not be read (${(refusal.error as Error).message})`
          : 'it is not a file';
    return { type: 'error', message: cannotImport(fileName, reason) };
  }
  const refused = (code: 'too_large' | 'invalid_input', message: string): AppEvent => ({ type: 'shared-file-refused', fileName, error: { code, message } });
  switch (refusal.kind) {
    case 'directory':
    case 'special':
      return refused('invalid_input', `${fileName}: not a file.`);
    case 'too_large':
      return refused('too_large', `${fileName}: the file is too large (${megabytes(refusal.size)} MB; the limit is ${megabytes(limit)} MB).`);
    case 'unreadable':
      return refused('invalid_input', `${fileName}: cannot read the file (${(refusal.error as Error).message}).`);
  }
}

/**
 * The app's own command-line arguments: those after `--` (scripts/start.mjs puts it before them, so
 * Chromium takes none of them as its own switches), else all after the executable (a packaged app
 * started by the system with a file).
 */
export function appArguments(argv: readonly string[]): string[] {
  const separator = argv.indexOf('--');
  return argv.slice(separator === -1 ? 1 : separator + 1);
}

/**
 * The shared annotation files named on a command line (the app's own, or a second launch's):
 * arguments ending in `.factdesk.json` that are not switches nor the value of `--data`, resolved
 * against the directory the command ran in.
 */
export function sharedFileArguments(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--data') {
      i += 1;
      continue;
    }
    if (isSharedFileArgument(arg)) paths.push(resolve(cwd, arg));
  }
  return paths;
}
