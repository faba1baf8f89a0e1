/**
 * File → Open Article…: the file the user picked in the native dialog is read here (the renderer
 * never sees its path) and imported through the service, like any other client would.
 * No runtime import of electron, so the import step runs in plain-Node tests.
 */
import type { OpenDialogOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Service } from '../api/service';
import { MAX_IMPORT_BYTES, type ImportOutcome } from '../../shared/api/contract';
import type { AppEvent } from '../../shared/api/preload-bridge';

export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'];

export const OPEN_ARTICLE_DIALOG: OpenDialogOptions = {
  title: 'Open Article',
  properties: ['openFile'],
  filters: [{ name: 'Articles', extensions: ARTICLE_EXTENSIONS }]
};

/** Imports one file and describes the outcome as the event the renderer receives. */
export async function importArticleFile(path: string, service: Service): Promise<AppEvent> {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    // Checked before reading so a huge file is refused without loading it into memory.
    const { size } = await stat(path);
    if (size > MAX_IMPORT_BYTES) {
      const sizes = `${megabytes(size)} MB; the limit is ${megabytes(MAX_IMPORT_BYTES)} MB`;
      return { type: 'error', message: `${fileName}: the file is too large (${sizes})` };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { type: 'error', message: `${fileName}: cannot read the file (${(error as Error).message})` };
  }
  const result = await service.call('documents.import', { fileName, dataBase64: bytes.toString('base64') });
  if (!result.ok) {
    const { message } = result.error;
    return { type: 'error', message: message.includes(fileName) ? message : `${fileName}: ${message}` };
  }
  const outcome = result.value as ImportOutcome;
  return { type: 'document-opened', id: outcome.document.id, existing: outcome.existing };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
