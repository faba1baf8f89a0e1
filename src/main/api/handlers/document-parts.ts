import { readCompactAnnotations, readDocumentAnnotations, readDocumentText } from '../document-parts';
import type { HandlerMap } from './types';

export const documentPartHandlers: HandlerMap<'documents.text' | 'documents.annotations' | 'documents.annotationColumns'> = {
  'documents.text': (ctx, { id }) => readDocumentText(ctx.db, id),
  'documents.annotations': (ctx, { id }) => readDocumentAnnotations(ctx.db, id),
  'documents.annotationColumns': (ctx, { id }) => readCompactAnnotations(ctx.db, id)
};
