/** Fact-sheet commands: export, verify-sheet. */
import { basename, resolve } from 'node:path';
import { MAX_SHEET_BYTES } from '../../shared/api/file-limits';
import { FACT_SHEET_FORMATS, type FactSheetFormat } from '../../shared/api/methods/export';
import { UsageError, unwrap, type CliCommand } from './command';
import { readInputFile, writeAtomically } from './files';

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
    const { inConflict } = sheet.leftOut;
    if (inConflict.length > 0) {
      ctx.io.err(
        `warning: ${inConflict.length} verified ${inConflict.length === 1 ? 'claim is' : 'claims are'} left out until open merge conflicts are resolved (see: factdesk conflicts ${documentId}):`
      );
      for (const claim of inConflict) ctx.io.err(`  ${claim.id}  ${JSON.stringify(claim.text)}`);
    }
    if (sheet.included === 0) ctx.io.err(`note: the sheet lists no claims. ${sheet.leftOut.note}`);

    const output = typeof flags.output === 'string' ? flags.output : format === 'pdf' ? sheet.fileName : null;
    if (output === null) {
      // Every text format ends with a line break, which the output adds back: a pipe gets the exact bytes.
      ctx.io.content(sheet.text!.replace(/\n$/, ''));
      return 0;
    }
    const target = resolve(ctx.cwd, output);
    await writeAtomically(target, sheet.text ?? Buffer.from(sheet.contentBase64!, 'base64'));
    ctx.io.out(target);
    return 0;
  }
};

const verifySheetCommand: CliCommand = {
  name: 'verify-sheet',
  synopsis: 'FILE',
  summary: 'check a fact sheet (html, pdf, md, csv, claimreview) against the library; prints match, or mismatch: reasons (exit 1)',
  flags: {},
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [file] }) {
    const { path, bytes } = await readInputFile(ctx.cwd, file!, MAX_SHEET_BYTES, 'fact sheets');
    const result = unwrap(
      await ctx.api.call('export.verifySheet', { fileName: basename(path), dataBase64: bytes.toString('base64') })
    );
    ctx.io.out(result.result === 'match' ? 'match' : `mismatch: ${result.reasons.join('; ')}`);
    return result.result === 'match' ? 0 : 1;
  }
};

export const exportCommands: CliCommand[] = [exportCommand, verifySheetCommand];
