/**
 * Reading a file named from outside (a command-line argument, a path the desktop was handed) with
 * a size limit. The size is checked before reading, so a huge file is refused without loading it
 * into memory. The refusal says only what went wrong: each caller words it for its own audience.
 */
import { readFile, stat } from 'node:fs/promises';
import { type Result, ok } from '../shared/result';

export type LimitedFileRefusal =
  | { kind: 'directory' }
  /** A pipe, device or socket, refused when the caller asked for regular files only. */
  | { kind: 'special' }
  | { kind: 'too_large'; size: number }
  | { kind: 'unreadable'; error: unknown };

export interface LimitedFileOptions {
  /** The most bytes read. */
  limit: number;
  /** Whether a pipe or device (whose size stat cannot know) may be read, e.g. `<(…)` on a command line. */
  specialFiles: 'read' | 'refuse';
}

/** The bytes of the file at `path`, or why it was not read. */
export async function readLimitedFile(path: string, { limit, specialFiles }: LimitedFileOptions): Promise<Result<Buffer, LimitedFileRefusal>> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: { kind: 'directory' } };
    if (!info.isFile() && specialFiles === 'refuse') return { ok: false, error: { kind: 'special' } };
    if (info.size > limit) return { ok: false, error: { kind: 'too_large', size: info.size } };
    return ok(await readFile(path));
  } catch (error) {
    return { ok: false, error: { kind: 'unreadable', error } };
  }
}
