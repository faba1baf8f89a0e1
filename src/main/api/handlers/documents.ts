import type { DocumentView } from '../../../shared/api/contract';
import { findGaps } from '../../../shared/gaps';
import { DomainError } from '../../errors';
import { sha256Hex } from '../../import/hash';
import { importArticle } from '../../import';
import { listClaims } from '../../store/claims';
import {
  findDocumentByHash,
  getDocument,
  getDocumentSummary,
  insertDocument,
  listDocuments,
  setTrashed
} from '../../store/documents';
import { entitiesOfDocument } from '../../store/entities';
import { listEvidenceOfDocument } from '../../store/evidence';
import { runMutation, undoState } from '../../store/history';
import { listMentions } from '../../store/mentions';
import { listReviewsOfDocument } from '../../store/reviews';
import type { HandlerMap } from './types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const documentHandlers: HandlerMap<'documents.list' | 'documents.import' | 'documents.get' | 'documents.delete'> = {
  'documents.list': (ctx) => listDocuments(ctx.db),

  async 'documents.import'(ctx, { fileName, dataBase64 }) {
    if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) {
      throw new DomainError('invalid_input', `Cannot import "${fileName}": the upload is not valid base64.`);
    }
    const imported = await importArticle(fileName, Buffer.from(dataBase64, 'base64'));
    if (!imported.ok) throw new DomainError(imported.error.code, imported.error.message);
    const article = imported.value;
    const sha256 = sha256Hex(article.text);
    const mutation = ctx.asSystem();
    const { value } = runMutation(mutation, { documentId: null, action: 'documents.import', kind: 'log' }, (group) => {
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
    return { document: getDocumentSummary(ctx.db, value.id)!, existing: value.existing };
  },

  'documents.get'(ctx, { id }): DocumentView {
    const document = getDocument(ctx.db, id);
    if (!document) throw new DomainError('not_found', `No document with id ${id}.`);
    return {
      document,
      mentions: listMentions(ctx.db, id),
      claims: listClaims(ctx.db, id),
      evidence: listEvidenceOfDocument(ctx.db, id),
      reviews: listReviewsOfDocument(ctx.db, id),
      entities: entitiesOfDocument(ctx.db, id),
      gaps: findGaps(document.text),
      undo: undoState(ctx.db, id)
    };
  },

  'documents.delete'(ctx, { id }) {
    const { value } = runMutation(ctx.asSystem(), { documentId: id, action: 'documents.delete', kind: 'log' }, (group) =>
      setTrashed(group, id, true)
    );
    if (!value) throw new DomainError('not_found', `No document with id ${id} in the library.`);
    return { id };
  }
};
