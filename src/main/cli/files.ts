/** Files named on the command line: read with their size checked first, written all or nothing. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliFailure } from './command';

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The bytes of `file` (relative to `cwd`); a file over `limit` bytes is refused without being read.
 * `what` names the kind of file in that refusal ("annotation files"). Throws CliFailure.
 */
export async function readInputFile(cwd: string, file: string, limit: number, what: string): Promise<{ path: string; bytes: Buffer }> {
  const path = resolve(cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliFailure(`cannot read "${file}": it is a directory, not a file`);
    if (info.size > limit) {
      throw new CliFailure(`cannot open "${file}": the file (${megabytes(info.size)} MB) is larger than the ${megabytes(limit)} MB limit for ${what}`);
    }
    return { path, bytes: await readFile(path) };
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(`cannot read "${file}": ${reasonOf(error)}`);
  }
}

/** Writes beside the target, then renames, so an interrupted write never leaves half a file. Throws CliFailure. */
export async function writeAtomically(target: string, content: string | Buffer): Promise<void> {
  const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliFailure(`cannot write "${target}": ${reasonOf(error)}`);
  }
}
