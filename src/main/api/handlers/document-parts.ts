import { readCompactAnnotations, readDocumentText } from '../document-parts';
import type { HandlerMap } from './types';

export const documentPartHandlers: HandlerMap<'documents.text' | 'documents.annotations'> = {
  'documents.text': (ctx, { id }) => readDocumentText(ctx.db, id),
  'documents.annotations': (ctx, { id }) => readCompactAnnotations(ctx.db, id)
};
