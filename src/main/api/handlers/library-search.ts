import type { SearchResults } from '../../../shared/api/methods/assist';
import { SEARCH_KINDS } from '../../../shared/api/search-kinds';
import type { ClaimStatus } from '../../../shared/domain';
import { getClaim } from '../../store/claims';
import { getEvidence } from '../../store/evidence';
import type { Db } from '../../store/open';
import { type SearchQuery, searchLibrary } from '../../store/search';
import { derivedClaims } from '../../workflow/verification';
import type { HandlerMap } from './types';

/** Enough to filter every claim and evidence hit by derived status before paging. */
const ALL_HITS = 100_000;

/** Claim and evidence hits carry their claim's derived status ("verified" is never stored). */
function withDerivedStatus(db: Db, results: SearchResults): SearchResults {
  const statuses = new Map<string, ClaimStatus>();
  const statusOf = (claimId: string) => {
    if (!statuses.has(claimId)) {
      const claim = getClaim(db, claimId)!;
      statuses.set(claimId, derivedClaims(db, claim.documentId, [claim])[0]!.status);
    }
    return statuses.get(claimId)!;
  };
  const hits = results.hits.map((hit) => {
    if (hit.claimStatus === undefined) return hit;
    const claimId = hit.kind === 'claim' ? hit.id : getEvidence(db, hit.id)!.claimId;
    return { ...hit, claimStatus: statusOf(claimId) };
  });
  return { ...results, hits };
}

/**
 * A status filter: the store searches the stored statuses that can stand for the wanted ones
 * (a verified claim is stored as in review), then the hits are kept by derived status and paged.
 */
function searchByStatus(db: Db, q: SearchQuery, wanted: ClaimStatus[]): SearchResults {
  const stored = [...new Set(wanted.map((s) => (s === 'verified' ? 'in review' : s)))];
  const all = withDerivedStatus(db, searchLibrary(db, { ...q, claimStatus: stored, offset: 0, limit: ALL_HITS }));
  const hits = all.hits.filter((hit) => hit.claimStatus === undefined || wanted.includes(hit.claimStatus));
  const counts = { ...all.counts };
  for (const kind of ['claim', 'evidence'] as const) counts[kind] = hits.filter((hit) => hit.kind === kind).length;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { ...all, counts, total, hits: hits.slice(q.offset, q.offset + q.limit) };
}

export const searchHandlers: HandlerMap<'search.library'> = {
  'search.library': (ctx, q) => {
    const query: SearchQuery = {
      query: q.query,
      kinds: q.kinds ?? [...SEARCH_KINDS],
      claimStatus: q.claimStatus ?? null,
      verdict: q.verdict ?? null,
      entityId: q.entityId ?? null,
      entityType: q.entityType ?? null,
      documentId: q.documentId ?? null,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0
    };
    return query.claimStatus ? searchByStatus(ctx.db, query, query.claimStatus) : withDerivedStatus(ctx.db, searchLibrary(ctx.db, query));
  }
};
