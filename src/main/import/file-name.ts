/** The lower-cased extension with its dot ("" when there is none), ignoring any directories. */
export function fileExtension(fileName: string): string {
  return /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase() ?? '';
}

/** The file name without directories and without its extension. */
export function fileStem(fileName: string): string {
  return fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '');
}
