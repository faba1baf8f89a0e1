import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityRegistry } from '../../../src/renderer/lib/state/entity-registry.svelte';
import { LibrarySearch } from '../../../src/renderer/lib/state/library-search.svelte';
import { createdId } from '../helpers/temp-library';
import { type StateLibrary, said, libraryWithSample } from './helpers';

let lib: StateLibrary;
let documentId: string;
beforeEach(async () => {
  ({ lib, documentId } = await libraryWithSample());
});
afterEach(() => lib.close());

async function entity(name: string, type: string) {
  const changes = await lib.call('entities.create', { documentId, name, type });
  const id = createdId(changes);
  return changes.entities.upsert.find((created) => created.id === id)!;
}

describe('the entity registry', () => {
  it('lists the entities by type, merges one into another, and says why a merged-away page is gone', async () => {
    const johnson = await entity('Alice Marie Johnson', 'person');
    const alice = await entity('Alice Johnson', 'person');
    await entity('White House', 'organization');
    const registry = new EntityRegistry(lib.api, lib.notices);
    await registry.refresh();
    expect(registry.total).toBe(3);

    registry.filterBy({ type: 'person' });
    await registry.refresh();
    expect(registry.entities.map((stats) => stats.entity.name).sort()).toEqual(['Alice Johnson', 'Alice Marie Johnson']);

    expect(await registry.merge(johnson, alice)).toBe(true);
    expect(registry.entities.map((stats) => stats.entity.name)).toEqual(['Alice Marie Johnson']);
    await registry.openPage(alice.id);
    expect(registry.page).toBeNull();
    expect(registry.pageError).toBeTruthy();
    expect(said(lib.notices)).toEqual(['Merged “Alice Johnson” into “Alice Marie Johnson”.']);
  });
});

describe('the library search', () => {
  it('finds the article by its words, and an empty query clears the results', async () => {
    const search = new LibrarySearch(lib.api, lib.notices);
    search.setQuery('prison reform');
    await search.run();
    expect(search.results?.hits.map((hit) => hit.documentId)).toContain(documentId);
    search.setFilter('kind', 'claim');
    expect(search.hasFilters).toBe(true);
    await search.run();
    expect(search.results?.hits).toEqual([]);
    search.setQuery('  ');
    await search.run();
    expect(search.results).toBeNull();
    search.clear();
    expect(search.hasFilters).toBe(false);
  });
});
