import type { DocumentView } from '../../../shared/api/contract';
import { DomainError } from '../../errors';
import { getDocument, setTrashed, updateDocumentDetails } from '../../store/documents';
import { documentSummaries } from '../../workflow/document-summaries';
import { runMutation } from '../../store/history';
import { readDocumentAnnotations, readDocumentText } from '../document-parts';
import { importAndWait } from '../import-article';
import type { HandlerMap } from './types';

export const documentHandlers: HandlerMap<
  'documents.list' | 'documents.import' | 'documents.get' | 'documents.delete' | 'documents.update'
> = {
  'documents.list': (ctx) => documentSummaries(ctx.db),

  'documents.import': (ctx, input) => importAndWait(ctx, input),

  'documents.get': (ctx, { id }): DocumentView => ({
    ...readDocumentText(ctx.db, id),
    ...readDocumentAnnotations(ctx.db, id)
  }),

  'documents.delete'(ctx, { id }) {
    const { value } = runMutation(ctx.asSystem(), { documentId: id, action: 'documents.delete', kind: 'log' }, (group) =>
      setTrashed(group, id, true)
    );
    if (!value) throw new DomainError('not_found', `No document with id ${id} in the library.`);
    return { id };
  },

  'documents.update'(ctx, { id, ...details }) {
    if (!getDocument(ctx.db, id)) throw new DomainError('not_found', `No document with id ${id} in the library.`);
    runMutation(ctx.asUser(), { documentId: id, action: 'documents.update', kind: 'log' }, (group) =>
      updateDocumentDetails(group, id, details)
    );
    return getDocument(ctx.db, id)!;
  }
};
