/** The lower-cased extension with its dot ("" when there is none), ignoring any directories. */
export function fileExtension(fileName: string): string {
  return /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase() ?? '';
}

/** The file name without directories and without its extension. */
export function fileStem(fileName: string): string {
  return fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '');
}

/** Control, zero-width and bidirectional-override characters: they can disguise a name ("evil\u202Etxt.exe"). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The name an uploaded file is stored and shown under: no directories (either separator), no
 * invisible or control characters, never empty. Uploads name files; they never choose paths.
 */
export function safeFileName(fileName: string): string {
  const name = fileName.replace(/^.*[/\\]/, '').replace(INVISIBLE, '').trim();
  return name === '' || name === '.' || name === '..' ? 'untitled' : name;
}
