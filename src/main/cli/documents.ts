/** Document commands: import, list, show, gaps. */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MAX_IMPORT_BYTES, type ImportOutcome } from '../../shared/api/contract';
import { ok, type Result } from '../../shared/result';
import { importFailure } from '../import/decode';
import { unwrap, type CliCommand, type CliContext } from './command';
import { documentSummary, gapLine, tsvLine } from './format';

const json = { type: 'boolean', description: 'print JSON instead of text' } as const;

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

async function importFile(ctx: CliContext, file: string): Promise<Result<ImportOutcome>> {
  const bytes = await readArticle(resolve(ctx.cwd, file), file);
  if (!bytes.ok) return bytes;
  return ctx.api.call('documents.import', { fileName: basename(file), dataBase64: bytes.value.toString('base64') });
}

/** The file's bytes; the size is checked first so an oversized file is refused without being read. */
async function readArticle(path: string, shownAs: string): Promise<Result<Buffer>> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return importFailure(shownAs, 'invalid_input', 'it is a directory, not a file');
    if (info.size > MAX_IMPORT_BYTES) {
      return importFailure(
        shownAs,
        'too_large',
        `the file (${megabytes(info.size)} MB) is larger than the ${megabytes(MAX_IMPORT_BYTES)} MB import limit`
      );
    }
    return ok(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return importFailure(shownAs, 'not_found', code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`);
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

const listCommand: CliCommand = {
  name: 'list',
  synopsis: '',
  summary: 'list the documents in the library; prints ID<TAB>title per document',
  flags: { json },
  positionals: { min: 0, max: 0 },
  async run(ctx, { flags }) {
    const documents = unwrap(await ctx.api.call('documents.list', {}));
    if (flags.json) ctx.io.out(JSON.stringify(documents, null, 2));
    else for (const doc of documents) ctx.io.out(tsvLine([doc.id, doc.title]));
    return 0;
  }
};

const showCommand: CliCommand = {
  name: 'show',
  synopsis: 'ID',
  summary: 'show a document: a summary, or with --json everything stored for it',
  flags: { json },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [id], flags }) {
    const view = unwrap(await ctx.api.call('documents.get', { id }));
    if (flags.json) {
      // `text` is repeated at the top level so scripts need not dig into `document`.
      const { document, ...records } = view;
      ctx.io.out(JSON.stringify({ document, text: document.text, ...records }, null, 2));
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
  flags: { json },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [id], flags }) {
    if (flags.json) {
      ctx.io.out(JSON.stringify(unwrap(await ctx.api.call('assist.gapCandidates', { documentId: id })).gaps, null, 2));
      return 0;
    }
    const { document, gaps } = unwrap(await ctx.api.call('documents.get', { id }));
    for (const gap of gaps) ctx.io.out(gapLine(document.text, gap));
    return 0;
  }
};

export const documentCommands: CliCommand[] = [importCommand, listCommand, showCommand, gapsCommand];
