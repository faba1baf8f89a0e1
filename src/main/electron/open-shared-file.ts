/**
 * File → Open Shared Annotation File…: the file picked in the native dialog is read here (the
 * renderer never sees its path) and opened through the service (validated first; nothing is
 * written on refusal). The outcome goes to the renderer as an event, which shows the report.
 * No runtime import of electron, so this runs in plain-Node tests.
 */
import type { OpenDialogOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_ANNOTATION_FILE_BYTES, type ExchangeReport } from '../../shared/api/methods/exchange';
import type { AppEvent } from '../../shared/api/preload-bridge';
import type { Service } from '../api/service';

export const OPEN_SHARED_FILE_DIALOG: OpenDialogOptions = {
  title: 'Open Shared Annotation File',
  properties: ['openFile'],
  filters: [{ name: 'Factdesk annotation files', extensions: ['json'] }]
};

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export async function openSharedAnnotationFile(path: string, service: Service): Promise<AppEvent> {
  const fileName = basename(path);
  const refused = (code: 'too_large' | 'invalid_input', message: string): AppEvent => ({
    type: 'shared-file-refused',
    fileName,
    error: { code, message }
  });
  let bytes: Buffer;
  try {
    // Checked before reading so a huge file is refused without loading it into memory.
    const { size } = await stat(path);
    if (size > MAX_ANNOTATION_FILE_BYTES) {
      return refused('too_large', `${fileName}: the file is too large (${megabytes(size)} MB; the limit is ${megabytes(MAX_ANNOTATION_FILE_BYTES)} MB).`);
    }
    bytes = await readFile(path);
  } catch (error) {
    return refused('invalid_input', `${fileName}: cannot read the file (${(error as Error).message}).`);
  }
  const result = await service.call('exchange.open', { fileName, dataBase64: bytes.toString('base64') });
  if (!result.ok) return { type: 'shared-file-refused', fileName, error: result.error };
  return { type: 'shared-file-opened', report: result.value as ExchangeReport };
}
