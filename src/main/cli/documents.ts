/** Document commands: import, list, show, gaps. */
import { basename } from 'node:path';
import type { ImportOutcome } from '../../shared/api/contract';
import { MAX_IMPORT_BYTES, cannotImport } from '../../shared/api/file-limits';
import type { Result } from '../../shared/result';
import { unwrap, type CliCommand, type CliContext } from './command';
import { tryReadInputFile } from './files';
import { documentSummary, gapLine, JSON_FLAG, printRecords, tsvLine } from './format';


const importCommand: CliCommand = {
  name: 'import',
  synopsis: 'FILE…',
  summary: 'import article files; prints ID<TAB>title per file',
  flags: {},
  positionals: { min: 1, max: Infinity },
  async run(ctx, { positionals }) {
    let failed = 0;
    // Each file is imported on its own: one bad file is reported and the rest still go in.
    for (const file of positionals) {
      const outcome = await importFile(ctx, file);
      if (!outcome.ok) {
        ctx.io.err(outcome.error.message);
        failed += 1;
        continue;
      }
      const { document, existing } = outcome.value;
      ctx.io.out(tsvLine([document.id, document.title]));
      if (existing) ctx.io.err(`"${file}" is already in the library as ${document.id}.`);
    }
    return failed > 0 ? 1 : 0;
  }
};

/** One file read and imported; a refusal is returned, so the other files on the command line still go in. */
async function importFile(ctx: CliContext, file: string): Promise<Result<ImportOutcome>> {
  const read = await tryReadInputFile(ctx.cwd, file, MAX_IMPORT_BYTES, 'articles', (name, _verb, reason) => cannotImport(name, reason));
  if (!read.ok) return read;
  return ctx.api.call('documents.import', { fileName: basename(file), dataBase64: read.value.bytes.toString('base64') });
}

const listCommand: CliCommand = {
  name: 'list',
  synopsis: '',
  summary: 'list the documents in the library; prints ID<TAB>title per document',
  flags: { json: JSON_FLAG },
  positionals: { min: 0, max: 0 },
  async run(ctx, { flags }) {
    const documents = unwrap(await ctx.api.call('documents.list', {}));
    printRecords(ctx.io, documents, flags.json, (doc) => tsvLine([doc.id, doc.title]));
    return 0;
  }
};

const showCommand: CliCommand = {
  name: 'show',
  synopsis: 'ID',
  summary: 'show a document: a summary, or with --json everything stored for it',
  flags: { json: JSON_FLAG },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [id], flags }) {
    const view = unwrap(await ctx.api.call('documents.get', { id }));
    if (flags.json) {
      // `text` is repeated at the top level so scripts need not dig into `document`.
      const { document, ...records } = view;
      ctx.io.json({ document, text: document.text, ...records });
    } else {
      ctx.io.out(documentSummary(view));
    }
    return 0;
  }
};

const gapsCommand: CliCommand = {
  name: 'gaps',
  synopsis: 'ID',
  summary: 'list the masked-name gaps of a document; prints START<TAB>END<TAB>context per gap (--json: with ranked restoration candidates)',
  flags: { json: JSON_FLAG },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [id], flags }) {
    if (flags.json) {
      ctx.io.json(unwrap(await ctx.api.call('assist.gapCandidates', { documentId: id })).gaps);
      return 0;
    }
    const { document, gaps } = unwrap(await ctx.api.call('documents.get', { id }));
    for (const gap of gaps) ctx.io.out(gapLine(document.text, gap));
    return 0;
  }
};

export const documentCommands: CliCommand[] = [importCommand, listCommand, showCommand, gapsCommand];
