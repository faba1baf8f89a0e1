/**
 * The candidate names for a document's gaps: its confirmed mentions (grouped by entity, or by
 * text), its entity suggestions, then the library's entities. A bare surname joins the full name
 * it ends ("Kushner" counts for "Jared Kushner"), so the fuller name is offered.
 */
import type { Entity } from '../../../shared/domain';
import { textKey, wordsOf } from '../text/words';
import type { PoolItem } from './rank';

export interface NamedSpan {
  start: number;
  exact: string;
  type: string;
  entityId: string | null;
}

export interface PoolInput {
  /** Accepted, unmasked mentions of the document. */
  mentions: NamedSpan[];
  suggestions: NamedSpan[];
  /** Entities by id: those the mentions link to and the library's. */
  entities: Map<string, Entity>;
  /** Library entities to offer as well, most used first. */
  library: Entity[];
}

export function buildGapPool(input: PoolInput): PoolItem[] {
  const items = new Map<string, PoolItem>();
  const named = namedEntities(input.library);
  const add = (span: NamedSpan, source: PoolItem['source']) => {
    // An unlinked name the library has an entity for is that entity: one candidate, not two.
    const entity = span.entityId ? input.entities.get(span.entityId) : named.get(`${span.type}:${textKey(span.exact)}`);
    const key = entity ? `entity:${entity.id}` : `${span.type}:${textKey(span.exact)}`;
    let item = items.get(key);
    if (!item) {
      item = entity
        ? { name: entity.name, type: entity.type, entityId: entity.id, source, surfaces: [entity.name, ...entity.aliases], positions: [] }
        : { name: span.exact, type: span.type, entityId: null, source, surfaces: [], positions: [] };
      items.set(key, item);
    }
    if (!item.surfaces.includes(span.exact)) item.surfaces.push(span.exact);
    item.positions.push(span.start);
  };
  for (const mention of input.mentions) add(mention, 'document');
  for (const suggestion of input.suggestions) {
    const known = [...items.values()].some((i) => i.surfaces.some((s) => textKey(s) === textKey(suggestion.exact)));
    add(suggestion, known ? 'document' : 'suggestion');
  }
  const pool = joinSurnames([...items.values()]);
  const present = new Set(pool.map((i) => i.entityId).filter(Boolean));
  for (const entity of input.library) {
    if (present.has(entity.id)) continue;
    pool.push({ name: entity.name, type: entity.type, entityId: entity.id, source: 'library', surfaces: [entity.name, ...entity.aliases], positions: [] });
  }
  return pool;
}

/** Library entities by type and name key (aliases too; the first entity of a name wins). */
function namedEntities(library: Entity[]): Map<string, Entity> {
  const byName = new Map<string, Entity>();
  for (const entity of library) {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = `${entity.type}:${textKey(name)}`;
      if (!byName.has(key)) byName.set(key, entity);
    }
  }
  return byName;
}

/** A one-word person item is merged into the longer person name it ends (else: that it is part of). */
function joinSurnames(items: PoolItem[]): PoolItem[] {
  const people = items.filter((i) => i.type === 'person' && wordsOf(i.name).length > 1);
  const kept: PoolItem[] = [];
  for (const item of items) {
    const words = wordsOf(item.name);
    const word = words[0]?.toLowerCase();
    const nameWords = (p: PoolItem) => wordsOf(p.name).map((w) => w.toLowerCase());
    const full =
      item.type === 'person' && words.length === 1 && !item.entityId
        ? (people.find((p) => nameWords(p).at(-1) === word) ?? people.find((p) => nameWords(p).includes(word!)))
        : undefined;
    if (!full) {
      kept.push(item);
      continue;
    }
    full.surfaces.push(...item.surfaces.filter((s) => !full.surfaces.includes(s)));
    full.positions.push(...item.positions);
    if (item.source === 'document') full.source = 'document';
  }
  return kept;
}
