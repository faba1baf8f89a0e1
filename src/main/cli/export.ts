/** Fact-sheet commands: export, verify-sheet. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { FACT_SHEET_FORMATS, type FactSheetFormat, MAX_SHEET_BYTES } from '../../shared/api/methods/export';
import { CliFailure, UsageError, unwrap, type CliCommand } from './command';

const isFormat = (value: string): value is FactSheetFormat => (FACT_SHEET_FORMATS as readonly string[]).includes(value);
const FORMAT_LIST = 'html, pdf, md, csv or claimreview';

const exportCommand: CliCommand = {
  name: 'export',
  synopsis: 'ID',
  summary: 'export the fact sheet of a document (verified claims only) to stdout or a file',
  flags: {
    format: { type: 'string', valueName: 'FORMAT', description: `${FORMAT_LIST} (required)` },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      description: 'write to FILE and print its path (pdf without -o: the suggested file name in the current folder)'
    }
  },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    const format = typeof flags.format === 'string' ? flags.format : '';
    if (!isFormat(format)) {
      throw new UsageError(format ? `unknown format "${format}" (use ${FORMAT_LIST})` : `--format is required (${FORMAT_LIST})`, 'export');
    }
    const sheet = unwrap(await ctx.api.call('export.factSheet', { documentId: documentId!, format }));
    for (const warning of sheet.warnings) ctx.io.err(`warning: ${warning}`);
    if (sheet.included === 0) ctx.io.err(`note: the sheet lists no claims. ${sheet.leftOut.note}`);

    const output = typeof flags.output === 'string' ? flags.output : format === 'pdf' ? sheet.fileName : null;
    if (output === null) {
      // Every text format ends with a line break, which io.out adds back: stdout gets the exact bytes.
      ctx.io.out(sheet.text!.replace(/\n$/, ''));
      return 0;
    }
    const target = resolve(ctx.cwd, output);
    await writeAtomically(target, sheet.text ?? Buffer.from(sheet.contentBase64!, 'base64'));
    ctx.io.out(target);
    return 0;
  }
};

/** Writes beside the target, then renames, so an interrupted export never leaves half a file. */
async function writeAtomically(target: string, content: string | Buffer) {
  const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliFailure(`cannot write "${target}": ${reasonOf(error)}`);
  }
}

const verifySheetCommand: CliCommand = {
  name: 'verify-sheet',
  synopsis: 'FILE',
  summary: 'check a fact sheet (html, pdf, md, csv, claimreview) against the library; prints match, or mismatch: reasons (exit 1)',
  flags: {},
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [file] }) {
    const path = resolve(ctx.cwd, file!);
    const bytes = await readSheetFile(path, file!);
    const result = unwrap(
      await ctx.api.call('export.verifySheet', { fileName: basename(path), dataBase64: bytes.toString('base64') })
    );
    ctx.io.out(result.result === 'match' ? 'match' : `mismatch: ${result.reasons.join('; ')}`);
    return result.result === 'match' ? 0 : 1;
  }
};

async function readSheetFile(path: string, shownAs: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliFailure(`cannot read "${shownAs}": it is a directory, not a file`);
    if (info.size > MAX_SHEET_BYTES) {
      throw new CliFailure(`cannot read "${shownAs}": the file is larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(`cannot read "${shownAs}": ${reasonOf(error)}`);
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export const exportCommands: CliCommand[] = [exportCommand, verifySheetCommand];
