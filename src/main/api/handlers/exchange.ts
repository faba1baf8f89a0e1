import type { AnnotationFileSummary, ExchangeReport } from '../../../shared/api/methods/exchange';
import { CodePointIndex } from '../../../shared/anchoring/code-points';
import { DomainError, domainErrorOf } from '../../errors';
import { importBrat } from '../../exchange/brat/import';
import { writeBrat } from '../../exchange/brat/write';
import { listConflicts } from '../../exchange/conflict-store';
import type { AnnotationFile } from '../../exchange/file-schema';
import { signatureStatus } from '../../exchange/file-signature';
import { type OpenRequest, openAnnotationFile } from '../../exchange/open-file';
import { reattachOrphan } from '../../exchange/orphan-actions';
import { listOrphans } from '../../exchange/orphans';
import { loadFileSchemaCheck, readAnnotationFile, readOwnJson } from '../../exchange/read-file';
import { resolveConflict } from '../../exchange/resolve';
import { conflictView, orphanView } from '../../exchange/views';
import { w3cCollection } from '../../exchange/w3c';
import { fileSlug, packDocument } from '../../exchange/write-file';
import { userKey } from '../../identity/user-keys';
import { listClaims } from '../../store/claims';
import { derivedClaims } from '../../workflow/verification';
import { getDocument } from '../../store/documents';
import { entitiesOfDocument } from '../../store/entities';
import { listEvidenceOfDocument } from '../../store/evidence';
import { listLabels } from '../../store/labels';
import { listMentions } from '../../store/mentions';
import { uploadBytes } from '../base64';
import { changeSetOf } from '../change-set';
import type { HandlerContext } from '../context';
import { documentText } from './lookups';
import type { HandlerMap } from './types';

/** The file read and checked, or the reader's refusal as a DomainError (before anything is written). */
async function readFile(fileName: string, dataBase64: string): Promise<AnnotationFile> {
  const read = readAnnotationFile(fileName, uploadBytes('read', fileName, dataBase64), await loadFileSchemaCheck());
  if (!read.ok) throw domainErrorOf(read.error);
  return read.value;
}

type OpenOptions = Omit<OpenRequest, 'fileName' | 'file' | 'beforeCommit'>;

/**
 * Opens (or previews) a shared file, its later checks (schema, hashes, records, signature) run
 * beside the writes: the open commits only once they passed, and their refusal is the answer
 * even when a write failed first. What bounds the work of writing it is checked before.
 */
async function openFile(ctx: HandlerContext, fileName: string, dataBase64: string, options: OpenOptions): Promise<ExchangeReport> {
  const bytes = uploadBytes('read', fileName, dataBase64, ctx.fileVerifier.memory);
  const verification = await ctx.fileVerifier.start(fileName, bytes);
  const json = readOwnJson(fileName, bytes);
  if (!json.ok) throw domainErrorOf(json.error);
  try {
    const file = verification.read(json.value);
    return openAnnotationFile(ctx.asSystem(), { fileName, file, ...options, beforeCommit: verification.wait });
  } catch (error) {
    verification.wait();
    throw error;
  }
}

function requireDocument(ctx: HandlerContext, id: string) {
  const document = getDocument(ctx.db, id);
  if (!document) throw new DomainError('not_found', `No document with id ${id} in the library.`);
  return document;
}

/** A document with its placed annotations, for the interchange exports. */
function annotated(ctx: HandlerContext, id: string) {
  const document = requireDocument(ctx, id);
  return {
    document,
    mentions: listMentions(ctx.db, id),
    claims: derivedClaims(ctx.db, id, listClaims(ctx.db, id)),
    evidence: listEvidenceOfDocument(ctx.db, id),
    entities: new Map(entitiesOfDocument(ctx.db, id).map((entity) => [entity.id, entity]))
  };
}

/** How many records of each kind a file carries. */
const recordCounts = (file: AnnotationFile) => ({
  entities: file.entities.length,
  mentions: file.mentions.length,
  claims: file.claims.length,
  evidence: file.evidence.length,
  reviews: file.reviews.length,
  deleted: file.deleted.length,
  history: file.history.length
});

function summaryOf(ctx: HandlerContext, fileName: string, file: AnnotationFile): AnnotationFileSummary {
  return {
    fileName,
    formatVersion: file.formatVersion,
    generator: `${file.generator.name} ${file.generator.version}`,
    author: file.author,
    created: file.created,
    signature: signatureStatus(ctx.db, file),
    document: {
      id: file.document.id,
      title: file.document.title,
      sha256: file.document.sha256,
      codePoints: new CodePointIndex(file.document.text).length
    },
    counts: {
      ...recordCounts(file),
      orphaned: [...file.mentions, ...file.claims].filter((record) => record.orphaned).length
    }
  };
}

const documentTextOf = (ctx: HandlerContext) => (id: string) => documentText(ctx.db, id);

export const exchangeHandlers: HandlerMap<
  | 'exchange.pack'
  | 'exchange.validate'
  | 'exchange.preview'
  | 'exchange.open'
  | 'exchange.conflicts'
  | 'exchange.resolve'
  | 'exchange.orphans'
  | 'exchange.reattach'
  | 'exchange.exportBrat'
  | 'exchange.importBrat'
  | 'exchange.exportW3c'
> = {
  'exchange.pack'(ctx, { documentId }) {
    const created = ctx.clock().toISOString();
    const { file, json, fileName } = packDocument(ctx.db, documentId, {
      signer: userKey(ctx.db, ctx.asSystem().user, created),
      created,
      generator: { name: 'Factdesk', version: ctx.version }
    });
    return {
      fileName,
      mediaType: 'application/json',
      content: json,
      documentId,
      counts: recordCounts(file)
    };
  },

  'exchange.validate': async (ctx, { fileName, dataBase64 }) => summaryOf(ctx, fileName, await readFile(fileName, dataBase64)),

  'exchange.preview': (ctx, { fileName, dataBase64, ...options }) => openFile(ctx, fileName, dataBase64, { ...options, dryRun: true }),

  'exchange.open': (ctx, { fileName, dataBase64, ...options }) => openFile(ctx, fileName, dataBase64, { ...options, dryRun: false }),

  'exchange.conflicts'(ctx, { documentId }) {
    if (documentId !== undefined) requireDocument(ctx, documentId);
    return listConflicts(ctx.db, documentId ?? null).map((conflict) => conflictView(ctx.db, conflict));
  },

  'exchange.resolve'(ctx, { conflictId, ...decision }) {
    const { group, remaining } = resolveConflict(ctx.asUser(), documentTextOf(ctx), conflictId, decision);
    return { changes: changeSetOf(ctx.db, group), remaining };
  },

  'exchange.orphans'(ctx, { documentId }) {
    const text = documentText(ctx.db, documentId);
    return listOrphans(ctx.db, documentId).map((orphan) => orphanView(text, orphan));
  },

  'exchange.reattach': (ctx, { orphanId, start, end }) =>
    changeSetOf(ctx.db, reattachOrphan(ctx.asUser(), documentTextOf(ctx), orphanId, start, end), orphanId),

  'exchange.exportBrat'(ctx, { documentId }) {
    const { document, mentions, claims, entities } = annotated(ctx, documentId);
    return writeBrat(document, mentions, claims, entities, fileSlug(document.title));
  },

  'exchange.importBrat': (ctx, input) =>
    importBrat(ctx.asSystem(), {
      txtFileName: input.txtFileName,
      txt: uploadBytes('read', input.txtFileName, input.txtBase64),
      annFileName: input.annFileName,
      ann: uploadBytes('read', input.annFileName, input.annBase64)
    }),

  'exchange.exportW3c'(ctx, { documentId }) {
    const source = annotated(ctx, documentId);
    return w3cCollection({ ...source, labels: listLabels(ctx.db) }, fileSlug(source.document.title));
  }
};
