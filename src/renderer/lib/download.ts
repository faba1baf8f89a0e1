import { desktopBridge } from './desktop-bridge';
import type { Notices } from './state/notices.svelte';

/**
 * Saves a file the page made and says what was written: in browser mode the browser's download
 * ("Downloaded …"); in the desktop app the main process asks where in a Save dialog and, once the
 * file is written, names its folder (the `file-saved` event).
 */
export function saveDownload(notices: Notices, fileName: string, mimeType: string, data: BlobPart): void {
  downloadFile(fileName, mimeType, data);
  if (!desktopBridge()) notices.info(`Downloaded “${fileName}” to your browser’s downloads folder.`);
}

/**
 * Saves a file the page made as a download: the browser's download in browser mode; in the desktop
 * app the main process turns it into a native Save dialog (src/main/electron/downloads.ts).
 */
function downloadFile(fileName: string, mimeType: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after click() returns; release it once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of a base64 string (PDF exports arrive that way). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
