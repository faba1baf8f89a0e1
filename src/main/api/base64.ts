import { DomainError } from '../errors';

/** Room for the bytes of an upload, of this length (shared memory, for one). */
export type Allocate = (length: number) => Uint8Array;

const ordinaryBytes: Allocate = (length) => Buffer.allocUnsafe(length);

/**
 * The bytes of a padded base64 upload, or null when it is not one; `allocate` gives the room they
 * are decoded into. Node's decoder skips characters outside the alphabet (and accepts the URL-safe
 * one), so the text must be whole groups of four without '-' or '_', decode to exactly as many
 * bytes as its length allows (a skipped character or padding in the middle leaves fewer) and end
 * in the group its last bytes encode to (no stray bits after them). Cheaper on a multi-megabyte
 * upload than encoding it all back to compare.
 */
export function decodeBase64(text: string, allocate = ordinaryBytes): Buffer | null {
  if (text.length % 4 !== 0 || text.includes('-') || text.includes('_')) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const length = (text.length / 4) * 3 - padding;
  const room = allocate(length);
  const bytes = Buffer.from(room.buffer, room.byteOffset, length);
  if (bytes.write(text, 'base64') !== length) return null;
  return text.length === 0 || bytes.subarray(length - (3 - padding)).toString('base64') === text.slice(-4) ? bytes : null;
}

/**
 * The bytes of the upload of `fileName`, or a DomainError (invalid_input) saying what could not be
 * done with it: `verb` is the action, as in `Cannot ${verb} "report.pdf": …`.
 */
export function uploadBytes(verb: string, fileName: string, dataBase64: string, allocate?: Allocate): Buffer {
  const bytes = decodeBase64(dataBase64, allocate);
  if (!bytes) throw new DomainError('invalid_input', `Cannot ${verb} "${fileName}": the upload is not valid base64.`);
  return bytes;
}
