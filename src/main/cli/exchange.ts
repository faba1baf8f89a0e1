/**
 * Shared annotation files and interchange: pack, open, validate, conflicts, resolve, orphans,
 * export-brat, import-brat, export-w3c. `open` exits 3 while the document has open conflicts.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MAX_ANNOTATION_FILE_BYTES, MAX_BRAT_FILE_BYTES } from '../../shared/api/file-limits';
import type { ExchangeConflict, ExchangeReport } from '../../shared/api/methods/exchange';
import { CliFailure, unwrap, type CliCommand } from './command';
import { readInputFile, writeAtomically } from './files';
import { JSON_FLAG, printRecords, tsvLine } from './format';

/** Exit code of `open` while conflicts remain. */
export const EXIT_CONFLICTS = 3;

const output = (description: string, valueName = 'FILE') => ({ type: 'string', short: 'o', valueName, description }) as const;

const packCommand: CliCommand = {
  name: 'pack',
  synopsis: 'ID',
  summary: 'write the shared annotation file (*.factdesk.json) of a document; prints its path',
  flags: { output: output('write to FILE (default: the suggested name in the current folder)') },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    const packed = unwrap(await ctx.api.call('exchange.pack', { documentId: documentId! }));
    const target = resolve(ctx.cwd, typeof flags.output === 'string' ? flags.output : packed.fileName);
    await writeAtomically(target, packed.content);
    ctx.io.out(target);
    return 0;
  }
};

function reportLines(report: ExchangeReport): string[] {
  const { records, anchoring, conflicts, document } = report;
  const verb = report.dryRun ? (report.outcome === 'imported' ? 'would import' : 'would merge') : report.outcome;
  const lines = [
    `${verb} "${document.title}" (${document.id}) from ${report.file.fileName}, written by ${report.file.author} on ${report.file.created}`,
    `  signature: ${report.signature.description}`,
    `  records: ${records.added} added, ${records.updated} updated, ${records.unchanged} unchanged, ${records.deleted} deleted; ${report.reviewsAdded} reviews added`,
    `  placed: ${anchoring.exact} exactly, ${anchoring.fuzzy} fuzzily, ${anchoring.orphaned} orphaned${report.textDiffers ? ' (the file\'s text differs from the library\'s)' : ''}`,
    `  conflicts: ${conflicts.created} new, ${conflicts.remaining} open`
  ];
  if (report.orphansRemaining > 0) lines.push(`  orphans: ${report.orphansRemaining} (list them with: factdesk orphans ${document.id})`);
  if (report.labelsAdded.length > 0) lines.push(`  labels added: ${report.labelsAdded.join(', ')}`);
  if (report.scalesAdded.length > 0) lines.push(`  verdict scales added: ${report.scalesAdded.join(', ')}`);
  if (report.libraryChanges.length > 0) {
    lines.push(
      report.libraryChangesAccepted
        ? '  changes to the whole library (applied):'
        : '  changes to the whole library (not applied; open again with --accept-library-changes to apply them):'
    );
    for (const change of report.libraryChanges) lines.push(`    ${change}`);
  }
  return lines;
}

const openCommand: CliCommand = {
  name: 'open',
  synopsis: 'FILE',
  summary: 'import or merge a shared annotation file; exit 3 while the document has conflicts',
  flags: {
    into: { type: 'string', valueName: 'ID', description: 'merge into this document (e.g. a corrected version of the article)' },
    'dry-run': { type: 'boolean', description: 'report what opening would do, change nothing' },
    'accept-library-changes': {
      type: 'boolean',
      description: "apply the file's changes to entities other documents use, to verdict scales and to labels"
    },
    json: JSON_FLAG
  },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [file], flags }) {
    const { path, bytes } = await readInputFile(ctx.cwd, file!, MAX_ANNOTATION_FILE_BYTES, 'annotation files');
    const input = {
      fileName: basename(path),
      dataBase64: bytes.toString('base64'),
      ...(typeof flags.into === 'string' && { targetDocumentId: flags.into }),
      ...(flags['accept-library-changes'] === true && { acceptLibraryChanges: true })
    };
    const report = unwrap(await ctx.api.call(flags['dry-run'] ? 'exchange.preview' : 'exchange.open', input));
    if (flags.json) ctx.io.json(report);
    else ctx.io.out(reportLines(report).join('\n'));
    for (const warning of report.warnings) ctx.io.err(`warning: ${warning}`);
    if (report.conflicts.remaining === 0) return 0;
    ctx.io.err(
      `${report.conflicts.remaining} conflict${report.conflicts.remaining === 1 ? '' : 's'} to resolve: factdesk conflicts ${report.document.id}, ` +
        `then factdesk resolve ${report.document.id} CONFLICT_ID --mine|--theirs|--value JSON`
    );
    return report.dryRun ? 0 : EXIT_CONFLICTS;
  }
};

const validateCommand: CliCommand = {
  name: 'validate',
  synopsis: 'FILE',
  summary: 'check a shared annotation file without changing anything; exit 1 with the reason when it is refused',
  flags: { json: JSON_FLAG },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [file], flags }) {
    const { path, bytes } = await readInputFile(ctx.cwd, file!, MAX_ANNOTATION_FILE_BYTES, 'annotation files');
    const summary = unwrap(await ctx.api.call('exchange.validate', { fileName: basename(path), dataBase64: bytes.toString('base64') }));
    if (flags.json) {
      ctx.io.json(summary);
      return 0;
    }
    const c = summary.counts;
    ctx.io.out(
      [
        `valid: ${summary.fileName} (format version ${summary.formatVersion}, ${summary.generator}, by ${summary.author} on ${summary.created})`,
        `  signature: ${summary.signature.description}`,
        `  document: "${summary.document.title}" (${summary.document.id}), ${summary.document.codePoints} characters, SHA-256 ${summary.document.sha256}`,
        `  ${c.entities} entities, ${c.mentions} mentions, ${c.claims} claims, ${c.evidence} evidence, ${c.reviews} reviews, ${c.deleted} deletions, ${c.history} history entries` +
          (c.orphaned > 0 ? `, ${c.orphaned} orphaned` : '')
      ].join('\n')
    );
    return 0;
  }
};

const shortJson = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

function conflictLine(conflict: ExchangeConflict): string {
  const side = (value: unknown) => (conflict.field === null ? (value === null ? 'deleted' : 'edited') : shortJson(value));
  return tsvLine([
    conflict.id,
    conflict.recordLabel,
    conflict.field ?? '(edit against deletion)',
    `mine: ${side(conflict.mine)}`,
    `theirs (${conflict.theirsAuthor}): ${side(conflict.theirs)}`
  ]);
}

const conflictsCommand: CliCommand = {
  name: 'conflicts',
  synopsis: 'ID',
  summary: 'list the open merge conflicts of a document: CONFLICT_ID<TAB>record<TAB>field<TAB>mine<TAB>theirs',
  flags: { json: JSON_FLAG },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    const conflicts = unwrap(await ctx.api.call('exchange.conflicts', { documentId: documentId! }));
    printRecords(ctx.io, conflicts, flags.json, conflictLine);
    return 0;
  }
};

const resolveCommand: CliCommand = {
  name: 'resolve',
  synopsis: 'ID CONFLICT_ID',
  summary: 'settle one conflict: keep mine, take theirs, or set a value (JSON); prints how many remain',
  flags: {
    mine: { type: 'boolean', description: 'keep this library\'s side' },
    theirs: { type: 'boolean', description: 'take the file\'s side' },
    value: { type: 'string', valueName: 'JSON', description: 'set the field to this JSON value, e.g. \'"Mostly true"\' or null' }
  },
  positionals: { min: 2, max: 2 },
  async run(ctx, { positionals: [documentId, conflictId], flags }) {
    const chosen = ['mine', 'theirs', 'value'].filter((name) => flags[name] !== undefined);
    if (chosen.length !== 1) throw new CliFailure('give exactly one of --mine, --theirs, --value JSON', undefined, 2);
    const open = unwrap(await ctx.api.call('exchange.conflicts', { documentId: documentId! }));
    if (!open.some((conflict) => conflict.id === conflictId)) {
      throw new CliFailure(`document ${documentId} has no open conflict ${conflictId} (list them with: factdesk conflicts ${documentId})`);
    }
    let decision: { choice: 'mine' } | { choice: 'theirs' } | { choice: 'value'; value: never };
    if (flags.mine) decision = { choice: 'mine' };
    else if (flags.theirs) decision = { choice: 'theirs' };
    else {
      try {
        decision = { choice: 'value', value: JSON.parse(flags.value as string) as never };
      } catch {
        throw new CliFailure(`--value must be JSON, e.g. '"Mostly true"', 42 or null (got ${String(flags.value)})`, undefined, 2);
      }
    }
    const outcome = unwrap(await ctx.api.call('exchange.resolve', { conflictId: conflictId!, ...decision }));
    ctx.io.out(`resolved ${conflictId}; ${outcome.remaining} conflict${outcome.remaining === 1 ? '' : 's'} remain${outcome.remaining === 1 ? 's' : ''}`);
    return 0;
  }
};

const orphansCommand: CliCommand = {
  name: 'orphans',
  synopsis: 'ID',
  summary: 'list annotations an exchange could not place: ORPHAN_ID<TAB>kind<TAB>label<TAB>quote',
  flags: { json: JSON_FLAG },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    const orphans = unwrap(await ctx.api.call('exchange.orphans', { documentId: documentId! }));
    printRecords(ctx.io, orphans, flags.json, (o) => tsvLine([o.id, o.kind, o.label, o.exact]));
    return 0;
  }
};

const exportBratCommand: CliCommand = {
  name: 'export-brat',
  synopsis: 'ID',
  summary: 'write a document as brat standoff files (.txt and .ann) into a folder; prints their paths',
  flags: { output: output('folder to write into (created if missing; default: the current folder)', 'DIR') },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    const exported = unwrap(await ctx.api.call('exchange.exportBrat', { documentId: documentId! }));
    const dir = resolve(ctx.cwd, typeof flags.output === 'string' ? flags.output : '.');
    await mkdir(dir, { recursive: true });
    for (const file of exported.files) {
      const target = join(dir, file.fileName);
      await writeAtomically(target, file.content);
      ctx.io.out(target);
    }
    for (const warning of exported.warnings) ctx.io.err(`warning: ${warning}`);
    return 0;
  }
};

const importBratCommand: CliCommand = {
  name: 'import-brat',
  synopsis: 'TXT ANN',
  summary: 'import a brat standoff pair (.txt and .ann); prints ID<TAB>title',
  flags: {},
  positionals: { min: 2, max: 2 },
  async run(ctx, { positionals: [txtFile, annFile] }) {
    const txt = await readInputFile(ctx.cwd, txtFile!, MAX_BRAT_FILE_BYTES, 'brat files');
    const ann = await readInputFile(ctx.cwd, annFile!, MAX_BRAT_FILE_BYTES, 'brat files');
    const report = unwrap(
      await ctx.api.call('exchange.importBrat', {
        txtFileName: basename(txt.path),
        txtBase64: txt.bytes.toString('base64'),
        annFileName: basename(ann.path),
        annBase64: ann.bytes.toString('base64')
      })
    );
    ctx.io.out(tsvLine([report.document.id, report.document.title]));
    ctx.io.err(
      `${report.createdDocument ? 'new document' : 'added to the existing document'}: ${report.mentions} mentions, ${report.claims} claims, ` +
        `${report.entities} new entities${report.duplicatesSkipped > 0 ? `, ${report.duplicatesSkipped} already there` : ''}`
    );
    for (const warning of report.warnings) ctx.io.err(`warning: ${warning}`);
    return 0;
  }
};

const exportW3cCommand: CliCommand = {
  name: 'export-w3c',
  synopsis: 'ID',
  summary: 'export mentions and claims as a W3C Web Annotation collection (JSON-LD) to stdout or a file',
  flags: { output: output('write to FILE and print its path') },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals: [documentId], flags }) {
    const exported = unwrap(await ctx.api.call('exchange.exportW3c', { documentId: documentId! }));
    if (typeof flags.output !== 'string') {
      ctx.io.content(exported.content.replace(/\n$/, ''));
      return 0;
    }
    const target = resolve(ctx.cwd, flags.output);
    await writeAtomically(target, exported.content);
    ctx.io.out(target);
    return 0;
  }
};

export const exchangeCommands: CliCommand[] = [
  packCommand,
  openCommand,
  validateCommand,
  conflictsCommand,
  resolveCommand,
  orphansCommand,
  exportBratCommand,
  importBratCommand,
  exportW3cCommand
];
