import { DomainError } from '../errors';

/**
 * The bytes of a padded base64 upload, or null when it is not one. Node's decoder skips characters
 * outside the alphabet (and accepts the URL-safe one), so the bytes are encoded back and compared:
 * several times faster than a regular expression over a multi-megabyte upload.
 */
export function decodeBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/**
 * The bytes of the upload of `fileName`, or a DomainError (invalid_input) saying what could not be
 * done with it: `verb` is the action, as in `Cannot ${verb} "report.pdf": …`.
 */
export function uploadBytes(verb: string, fileName: string, dataBase64: string): Buffer {
  const bytes = decodeBase64(dataBase64);
  if (!bytes) throw new DomainError('invalid_input', `Cannot ${verb} "${fileName}": the upload is not valid base64.`);
  return bytes;
}
