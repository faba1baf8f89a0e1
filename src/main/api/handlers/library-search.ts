import { SEARCH_KINDS } from '../../../shared/api/search-kinds';
import { searchLibrary } from '../../store/search';
import type { HandlerMap } from './types';

export const searchHandlers: HandlerMap<'search.library'> = {
  'search.library': (ctx, q) =>
    searchLibrary(ctx.db, {
      query: q.query,
      kinds: q.kinds ?? [...SEARCH_KINDS],
      claimStatus: q.claimStatus ?? null,
      verdict: q.verdict ?? null,
      entityId: q.entityId ?? null,
      entityType: q.entityType ?? null,
      documentId: q.documentId ?? null,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0
    })
};
