import type { DocumentView } from '../../../shared/api/contract';
import { findGaps } from '../../../shared/gaps';
import { DomainError } from '../../errors';
import { listClaims } from '../../store/claims';
import { getDocument, listDocuments, setTrashed } from '../../store/documents';
import { entitiesOfDocument } from '../../store/entities';
import { listEvidenceOfDocument } from '../../store/evidence';
import { runMutation, undoState } from '../../store/history';
import { listMentions } from '../../store/mentions';
import { listReviewsOfDocument } from '../../store/reviews';
import { importAndWait } from '../import-article';
import type { HandlerMap } from './types';

export const documentHandlers: HandlerMap<'documents.list' | 'documents.import' | 'documents.get' | 'documents.delete'> = {
  'documents.list': (ctx) => listDocuments(ctx.db),

  'documents.import': (ctx, input) => importAndWait(ctx, input),

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
