import type { ApiClient } from '../../../shared/api/client';
import type { SearchResults } from '../../../shared/api/methods/assist';
import type { SearchKind } from '../../../shared/api/search-kinds';
import type { MethodInput } from '../../../shared/api/contract';
import type { ClaimStatus, Entity } from '../../../shared/domain';
import type { Notices } from './notices.svelte';

const LIMIT = 50;

export interface SearchFilters {
  kind: SearchKind | '';
  claimStatus: ClaimStatus | '';
  verdict: string;
  entity: Entity | null;
  entityType: string;
}

const NO_FILTERS: SearchFilters = { kind: '', claimStatus: '', verdict: '', entity: null, entityType: '' };

/** Library search (SQLite FTS5): articles, claims, evidence and entities, with filters. */
export class LibrarySearch {
  #query = $state('');
  #filters = $state.raw<SearchFilters>(NO_FILTERS);
  #results = $state.raw<SearchResults | null>(null);
  #busy = $state(false);

  #hasFilters = $derived(Object.values(this.#filters).some((value) => value !== '' && value !== null));

  #notices: Notices;
  #seq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
  }

  get query() {
    return this.#query;
  }

  get filters() {
    return this.#filters;
  }

  get results() {
    return this.#results;
  }

  get busy() {
    return this.#busy;
  }

  get hasFilters() {
    return this.#hasFilters;
  }

  setQuery(query: string): void {
    this.#query = query;
  }

  setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]): void {
    this.#filters = { ...this.#filters, [key]: value };
  }

  clear(): void {
    this.#seq++;
    this.#query = '';
    this.#filters = NO_FILTERS;
    this.#results = null;
    this.#busy = false;
  }

  /** Runs the search for the current query and filters (an empty query clears the results). */
  async run(): Promise<void> {
    const query = this.#query.trim();
    const seq = ++this.#seq;
    if (!query) {
      this.#results = null;
      this.#busy = false;
      return;
    }
    this.#busy = true;
    const result = await this.#api.call('search.library', this.#input(query));
    if (seq !== this.#seq) return;
    this.#busy = false;
    if (result.ok) this.#results = result.value;
    else this.#notices.error('Could not search the library', result.error);
  }

  #input(query: string): MethodInput<'search.library'> {
    const f = this.#filters;
    return {
      query,
      limit: LIMIT,
      ...(f.kind ? { kinds: [f.kind] } : {}),
      ...(f.claimStatus ? { claimStatus: [f.claimStatus] } : {}),
      ...(f.verdict ? { verdict: [f.verdict] } : {}),
      ...(f.entity ? { entityId: f.entity.id } : {}),
      ...(f.entityType ? { entityType: f.entityType } : {})
    };
  }

  async searchEntities(query: string): Promise<Entity[]> {
    const result = await this.#api.call('entities.list', { query, limit: 8 });
    if (result.ok) return result.value;
    this.#notices.error('Could not search the entities', result.error);
    return [];
  }
}
