/** Files named on the command line: read with their size checked first, written all or nothing. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { overLimit } from '../../shared/api/file-limits';
import { type Result, fail, ok } from '../../shared/result';
import { readLimitedFile } from '../limited-file';
import { CliFailure } from './command';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

interface InputFile {
  path: string;
  bytes: Buffer;
}

/** How a refusal to read `file` is worded; `verb` is what could not be done ("read", "open"). */
export type RefusalWording = (file: string, verb: string, reason: string) => string;

// The wording of the refusals the API gives ("Cannot import …"), so every refusal of a file reads alike.
const plainWording: RefusalWording = (file, verb, reason) => `Cannot ${verb} "${file}": ${reason}.`;

/**
 * The bytes of `file` (relative to `cwd`); a file over `limit` bytes is refused (`too_large`) without
 * being read. `what` names the kind of file in that refusal ("annotation files"). A folder is
 * `invalid_input`, a file that cannot be read `not_found`. Pipes are read, so `<(…)` works.
 */
export async function tryReadInputFile(
  cwd: string,
  file: string,
  limit: number,
  what: string,
  say: RefusalWording = plainWording
): Promise<Result<InputFile>> {
  const path = resolve(cwd, file);
  const read = await readLimitedFile(path, { limit, specialFiles: 'read' });
  if (read.ok) return ok({ path, bytes: read.value });
  const refusal = read.error;
  switch (refusal.kind) {
    case 'directory':
      return fail('invalid_input', say(file, 'read', 'it is a directory, not a file'));
    case 'special': // only when special files are refused, which the CLI does not do
      return fail('invalid_input', say(file, 'read', 'it is not a regular file'));
    case 'too_large':
      return fail('too_large', say(file, 'open', overLimit(refusal.size, limit, what)));
    case 'unreadable':
      return fail('not_found', say(file, 'read', reasonOf(refusal.error)));
  }
}

/** tryReadInputFile for a command that stops at the first bad file. Throws CliFailure. */
export async function readInputFile(cwd: string, file: string, limit: number, what: string): Promise<InputFile> {
  const read = await tryReadInputFile(cwd, file, limit, what);
  if (!read.ok) throw new CliFailure(read.error.message);
  return read.value;
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
