/** Shared set-up for the exchange tests: annotated libraries and files going in and out through the API. */
import { contentOfRecord } from '../../../src/main/exchange/records';
import { revisionOf } from '../../../src/main/exchange/revision';
import type { Result } from '../../../src/shared/result';
import type { MethodOutput } from '../../../src/shared/api/contract';
import { type TempLibrary, createdId, tempLibrary } from '../helpers/temp-library';

/** Astral characters before and inside spans: the W3C and brat offsets (code points) differ from UTF-16 ones. */
export const EMOJI_TEXT = [
  '🎉 Fact check 𝔘nited: Kim Kardashian West 👩‍⚖️ met President Trump at the White House on Wednesday.',
  '',
  'The 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018, officials said.',
  '',
  'Johnson had served more than two decades of a life sentence for a first-time drug offence.',
  ''
].join('\n');

export const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');

export const span = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
};

export interface Annotated {
  documentId: string;
  text: string;
  entityId: string;
  mentionId: string;
  astralMentionId: string;
  claimId: string;
  evidenceId: string;
}

/** A document with an entity (Wikidata id), two mentions, and a claim in review with a verdict and evidence. */
export async function annotate(lib: TempLibrary, text = EMOJI_TEXT, checker = 'Ana Checker'): Promise<Annotated> {
  await lib.call('settings.update', { userName: checker });
  const { document } = await lib.importText(text, 'story.txt');
  const documentId = document.id;
  const entityId = createdId(
    await lib.call('entities.create', {
      documentId,
      name: 'Kim Kardashian West',
      type: 'person',
      externalIds: { wikidata: 'Q186304', url: 'https://en.wikipedia.org/wiki/Kim_Kardashian' }
    })
  );
  const mentionId = createdId(
    await lib.call('mentions.create', { documentId, ...span(text, 'Kim Kardashian West'), type: 'person', entityId })
  );
  const astralMentionId = createdId(await lib.call('mentions.create', { documentId, ...span(text, '𝔘nited'), type: 'organization' }));
  const claimId = createdId(
    await lib.call('claims.create', { documentId, ...span(text, 'The 💊 sentence of Alice Marie Johnson, 63, was commuted in June 2018') })
  );
  await lib.call('claims.update', { id: claimId, verdictLabel: 'True', explanation: 'The White House announced it.' });
  const evidenceId = createdId(
    await lib.call('evidence.create', { claimId, relation: 'supports', title: 'Commutation', url: 'https://www.justice.gov/pardon' })
  );
  await lib.call('claims.transition', { id: claimId, to: 'researching' });
  await lib.call('claims.transition', { id: claimId, to: 'in review' });
  return { documentId, text, entityId, mentionId, astralMentionId, claimId, evidenceId };
}

export type FileJson = {
  author: string;
  claims: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
};

/** A packed file edited by hand, its records' revisions recomputed so that it passes every consistency check. */
export function withRecordsEdited(content: string, change: (file: FileJson) => void): FileJson & Record<string, unknown> {
  const file = JSON.parse(content) as FileJson & Record<string, Record<string, unknown>[]>;
  change(file);
  for (const list of ['claims', 'reviews'] as const) {
    for (const record of file[list]) record.revision = revisionOf(contentOfRecord(record as never));
  }
  return file;
}

/**
 * A packed file after a hand edit, as JSON. Whoever edits it lacks the author's key and cannot sign
 * it again, so it goes out unsigned, like a file from before files were signed.
 */
export function handEdited(file: Record<string, unknown>): string {
  const { signature: _signature, ...unsigned } = file;
  return JSON.stringify(unsigned);
}

export async function pack(lib: TempLibrary, documentId: string) {
  return lib.call('exchange.pack', { documentId });
}

/** A file packed in a library of its own, with every part the format has: each record kind, a comment, a deletion, history and a signature. */
export async function fileWithEveryPart(): Promise<string> {
  const lib = tempLibrary();
  try {
    const ids = await annotate(lib);
    await lib.call('reviews.create', { claimId: ids.claimId, decision: 'comment', comment: 'A comment is a review.' });
    await pack(lib, ids.documentId);
    // A second writing, after a deletion of an exchanged record, carries a deletion too.
    await lib.call('mentions.delete', { id: ids.astralMentionId });
    return (await pack(lib, ids.documentId)).content;
  } finally {
    lib.close();
  }
}

export async function open(lib: TempLibrary, content: string | Uint8Array, fileName = 'shared.factdesk.json', targetDocumentId?: string) {
  return lib.call('exchange.open', { fileName, dataBase64: b64(content), ...(targetDocumentId && { targetDocumentId }) });
}

export async function tryOpen(lib: TempLibrary, content: string | Uint8Array, fileName = 'shared.factdesk.json') {
  return (await lib.service.call('exchange.open', { fileName, dataBase64: b64(content) })) as Result<MethodOutput<'exchange.open'>>;
}

/** The records of a document as the window sees them, without what differs by library (undo state). */
export async function records(lib: TempLibrary, documentId: string) {
  const { undo: _undo, document, ...rest } = await lib.call('documents.get', { id: documentId });
  const { importedAt: _i, updatedAt: _u, ...doc } = document;
  return { document: doc, ...rest };
}

/**
 * Every row of every table (full-text indexes included), to prove a refused or rolled-back call
 * changed nothing. Rows are compared as sorted JSON, so tables without a rowid work too.
 */
export function snapshot(lib: TempLibrary): string {
  const tables = lib.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  return JSON.stringify(
    tables.map(({ name }) => [
      name,
      (lib.db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][])
        .map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
        .sort()
    ])
  );
}

/** JSON read back from written files, which the tests index into freely. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CheckerAndReviewer {
  checker: TempLibrary;
  reviewer: TempLibrary;
  ids: Annotated;
}

/** The checker's claim, in review, in her library and in Ben Reviewer's, as after one exchange. */
export async function checkerAndReviewer(prefix: string): Promise<CheckerAndReviewer> {
  const checker = tempLibrary(`${prefix}checker-`);
  const reviewer = tempLibrary(`${prefix}reviewer-`);
  const ids = await annotate(checker);
  await reviewer.call('settings.update', { userName: 'Ben Reviewer' });
  await open(reviewer, (await pack(checker, ids.documentId)).content);
  return { checker, reviewer, ids };
}

/** The checker trusts the reviewer's key, as a newsroom does once, after comparing fingerprints. */
export async function trustReviewer({ checker, reviewer }: CheckerAndReviewer): Promise<void> {
  await reviewer.call('keys.mine', {}); // made on first use
  const publicKey = reviewer.db.prepare('SELECT public_key FROM known_keys WHERE user_name = ?').pluck().get('Ben Reviewer') as string;
  await checker.call('keys.trust', { userName: 'Ben Reviewer', publicKey });
}
