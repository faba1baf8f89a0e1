/**
 * Importing an article through the API: cheap checks at once, parsing in an import job (off the
 * main thread), then one transaction that stores the document, or finds the same text already in
 * the library. Used by documents.import (which waits) and imports.start (which does not).
 */
import type { ImportOutcome, ParsedInput } from '../../shared/api/contract';
import type { ImportJobStatus } from '../../shared/api/methods/imports';
import type { ImportedArticle } from '../../shared/domain';
import { DomainError, domainErrorOf } from '../errors';
import { checkImportable } from '../import';
import { safeFileName } from '../import/file-name';
import { sha256Hex } from '../import/hash';
import { findDocumentByHash, insertDocument, setTrashed } from '../store/documents';
import { documentSummary } from '../workflow/document-summaries';
import { runMutation } from '../store/history';
import { uploadBytes } from './base64';
import type { HandlerContext } from './context';

/** Starts an import job; an upload that is not base64, empty, too large or of an unsupported type is refused at once. */
export function startImport(ctx: HandlerContext, input: ParsedInput<'imports.start'>): ImportJobStatus {
  const { dataBase64, htmlMode } = input;
  const fileName = safeFileName(input.fileName);
  const bytes = uploadBytes('import', fileName, dataBase64);
  const importable = checkImportable(fileName, bytes);
  if (!importable.ok) throw new DomainError(importable.error.code, importable.error.message);
  return ctx.importJobs.start({ fileName, bytes, htmlMode }, (article) => storeArticle(ctx, article));
}

/** Imports a file and waits for the job; its failure is thrown as the DomainError it carries. */
export async function importAndWait(ctx: HandlerContext, input: ParsedInput<'imports.start'>): Promise<ImportOutcome> {
  const { jobId } = startImport(ctx, input);
  const status = await ctx.importJobs.settled(jobId);
  if (status?.outcome) return status.outcome;
  const error = status?.error ?? { code: 'internal' as const, message: `Cannot import "${safeFileName(input.fileName)}": the import job was lost.` };
  throw domainErrorOf(error);
}

function storeArticle(ctx: HandlerContext, article: ImportedArticle): ImportOutcome {
  const sha256 = sha256Hex(article.text);
  const { value } = runMutation(ctx.asSystem(), { documentId: null, action: 'documents.import', kind: 'log' }, (group) => {
    const existing = findDocumentByHash(ctx.db, sha256);
    if (existing) {
      // Importing an article that sits in the trash brings it back rather than storing it twice.
      if (existing.trashed) setTrashed(group, existing.id, false);
      return { id: existing.id, existing: true };
    }
    const id = ctx.newId();
    insertDocument(group, id, article, sha256);
    return { id, existing: false };
  });
  return { document: documentSummary(ctx.db, value.id)!, existing: value.existing };
}
