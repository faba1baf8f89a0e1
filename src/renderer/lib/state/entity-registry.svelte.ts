import type { ApiClient } from '../../../shared/api/client';
import type { EntityPage, EntityStats } from '../../../shared/api/methods/assist';
import type { MethodInput } from '../../../shared/api/contract';
import type { Entity } from '../../../shared/domain';
import type { EntityPatch } from '../entity-fields';
import type { Notices } from './notices.svelte';

const PAGE_SIZE = 100;

/**
 * The entity registry: every entity of the library with its use, searched and filtered by type;
 * one entity's page (its mentions and claims across documents); edit, merge and split.
 */
export class EntityRegistry {
  #query = $state('');
  #type = $state('');
  #entities = $state.raw<EntityStats[]>([]);
  #total = $state(0);
  #loading = $state(false);
  #loaded = $state(false);

  #page = $state.raw<EntityPage | null>(null);
  /** Why the entity page could not be shown (e.g. the entity was merged away). */
  #pageError = $state<string | null>(null);

  #notices: Notices;
  #seq = 0;
  #pageSeq = 0;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
  }

  get query() {
    return this.#query;
  }

  get type() {
    return this.#type;
  }

  get entities() {
    return this.#entities;
  }

  get total() {
    return this.#total;
  }

  get loading() {
    return this.#loading;
  }

  get loaded() {
    return this.#loaded;
  }

  get page() {
    return this.#page;
  }

  get pageError() {
    return this.#pageError;
  }

  /** The filters the next refresh lists by: words of the name, and a type ('' for all). */
  filterBy(filter: { query?: string; type?: string }): void {
    if (filter.query !== undefined) this.#query = filter.query;
    if (filter.type !== undefined) this.#type = filter.type;
  }

  /** The first page of entities for the current search and type. */
  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.#loading = true;
    const result = await this.#api.call('entities.registry', this.#filter(0));
    if (seq !== this.#seq) return;
    this.#loading = false;
    if (!result.ok) {
      this.#notices.error('Could not list the entities', result.error);
      return;
    }
    this.#entities = result.value.entities;
    this.#total = result.value.total;
    this.#loaded = true;
  }

  async more(): Promise<void> {
    const seq = ++this.#seq;
    this.#loading = true;
    const result = await this.#api.call('entities.registry', this.#filter(this.#entities.length));
    if (seq !== this.#seq) return;
    this.#loading = false;
    if (!result.ok) {
      this.#notices.error('Could not list more entities', result.error);
      return;
    }
    const known = new Set(this.#entities.map((s) => s.entity.id));
    this.#entities = [...this.#entities, ...result.value.entities.filter((s) => !known.has(s.entity.id))];
    this.#total = result.value.total;
  }

  #filter(offset: number): MethodInput<'entities.registry'> {
    const query = this.#query.trim();
    return { ...(query ? { query } : {}), ...(this.#type ? { type: this.#type } : {}), limit: PAGE_SIZE, offset };
  }

  /** Moves every mention and claim of `source` to `target`, keeps its name as an alias, deletes it. */
  async merge(target: Entity, source: Entity): Promise<boolean> {
    const result = await this.#api.call('entities.merge', { targetId: target.id, sourceId: source.id });
    if (!result.ok) {
      this.#notices.error(`Could not merge “${source.name}” into “${target.name}”`, result.error);
      return false;
    }
    this.#notices.info(`Merged “${source.name}” into “${target.name}”.`);
    await this.refresh();
    return true;
  }

  async openPage(id: string): Promise<void> {
    const seq = ++this.#pageSeq;
    if (this.#page?.entity.id !== id) this.#page = null;
    this.#pageError = null;
    const result = await this.#api.call('entities.page', { id });
    if (seq !== this.#pageSeq) return;
    if (result.ok) this.#page = result.value;
    else {
      this.#page = null;
      this.#pageError = result.error.message;
    }
  }

  /** Saves changed fields of the entity on the page; true when the library took them. */
  async update(patch: EntityPatch): Promise<boolean> {
    const page = this.#page;
    if (!page) return false;
    const result = await this.#api.call('entities.update', { id: page.entity.id, ...patch });
    if (!result.ok) {
      this.#notices.error(`Could not save “${page.entity.name}”`, result.error);
      return false;
    }
    const entity = result.value.entities.upsert.find((e) => e.id === page.entity.id);
    if (entity && this.#page?.entity.id === entity.id) this.#page = { ...this.#page, entity };
    return true;
  }

  /** Moves the chosen mentions and claims of the page's entity to a new entity; returns its id. */
  async split(mentionIds: string[], claimIds: string[], name: string, type: string): Promise<string | null> {
    const page = this.#page;
    if (!page) return null;
    const result = await this.#api.call('entities.split', { id: page.entity.id, mentionIds, claimIds, name, type });
    if (!result.ok) {
      this.#notices.error(`Could not split “${page.entity.name}”`, result.error);
      return null;
    }
    await this.openPage(page.entity.id);
    return result.value.createdId;
  }
}
