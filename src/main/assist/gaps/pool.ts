/**
 * The candidate names for a document's gaps: its confirmed mentions (grouped by entity, or by
 * text), its entity suggestions, its other capitalised names, then the library's entities. A bare
 * surname joins the full name it ends ("Kushner" counts for "Jared Kushner"), and a company's
 * shorter form the full name it opens ("Toshin Steel" for "Toshin Steel Co Ltd"), so the fuller
 * name is offered with every place the article names it.
 */
import type { Entity } from '../../../shared/domain';
import { registryName, textKey, wordsOf } from '../text/words';
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
  /** The document's other capitalised names (typed where the article types the same words). */
  names?: NamedSpan[];
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
        : { name: registryName(span.exact), type: span.type, entityId: null, source, surfaces: [], positions: [] };
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
  const bySurface = new Map<string, PoolItem>();
  for (const item of items.values()) for (const surface of item.surfaces) bySurface.set(textKey(surface), item);
  for (const name of input.names ?? []) {
    const known = bySurface.get(textKey(name.exact));
    if (known) known.positions.push(name.start);
    else {
      add(name, 'name');
      bySurface.set(textKey(name.exact), items.get(`${name.type}:${textKey(name.exact)}`)!);
    }
  }
  const pool = joinShorterForms([...items.values()]);
  const present = new Set(pool.map((i) => i.entityId).filter(Boolean));
  for (const entity of input.library) {
    if (present.has(entity.id)) continue;
    pool.push({ name: entity.name, type: entity.type, entityId: entity.id, source: 'library', surfaces: [entity.name, ...entity.aliases], positions: [] });
  }
  return pool;
}

const nameWords = (item: PoolItem) => wordsOf(item.name).map((w) => w.toLowerCase());

/**
 * A shorter form joins the fuller name it opens or ends ("Nazer" → "Hisham Nazer", "Exco" →
 * "Exco International Plc"; a person also by a middle name): the fuller name of the same type
 * first, the one the article names most often among several. Places neither join nor take
 * shorter names (places nest: "U.S." is not "Coloroll U.S.", "New York" not "Bank of New York"),
 * and a typed name joins an untyped one only when the article never names it outside that longer
 * run (the recogniser took a piece of it: "Terminal" of "Computer Terminal"). Shortest names join
 * first, so a chain ends on the fullest name.
 */
function joinShorterForms(items: PoolItem[]): PoolItem[] {
  const words = new Map(items.map((item) => [item, nameWords(item)]));
  // Fuller names by each of their words, so a short form only meets the names that hold it.
  const byWord = new Map<string, PoolItem[]>();
  for (const [item, ws] of words) {
    for (const w of new Set(ws)) {
      const holders = byWord.get(w);
      if (holders) holders.push(item);
      else byWord.set(w, [item]);
    }
  }
  const byLength = [...items].sort((a, b) => words.get(a)!.length - words.get(b)!.length);
  return joinInto(byLength, (item) => {
    const short = words.get(item)!;
    if (item.entityId || short.length === 0) return undefined;
    const fuller = (byWord.get(short[0]!) ?? []).filter((c) => {
      const full = words.get(c)!;
      if (c === item || full.length <= short.length || !compatible(item, c)) return false;
      const opens = short.every((w, i) => full[i] === w);
      const ends = short.every((w, i) => full[full.length - short.length + i] === w);
      return opens || ends || (item.type === 'person' && c.type === 'person' && short.length === 1);
    });
    return fuller.sort((a, b) => Number(b.type === item.type) - Number(a.type === item.type) || b.positions.length - a.positions.length)[0];
  });
}

function compatible(short: PoolItem, full: PoolItem): boolean {
  if (short.type === 'location' || full.type === 'location') return false;
  if (short.type === full.type || short.type === 'other') return true;
  if (full.type !== 'other') return false;
  const span = full.name.length;
  return short.positions.every((p) => full.positions.some((f) => p >= f && p < f + span));
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

/** Merges each item that `fullerName` finds a fuller name for into that item (surfaces, positions, source); keeps the order. */
function joinInto(items: PoolItem[], fullerName: (item: PoolItem) => PoolItem | undefined): PoolItem[] {
  const joined = new Set<PoolItem>();
  for (const item of items) {
    const full = fullerName(item);
    if (!full) continue;
    joined.add(item);
    full.surfaces.push(...item.surfaces.filter((s) => !full.surfaces.includes(s)));
    full.positions.push(...item.positions);
    if (item.source === 'document' || (item.source === 'suggestion' && full.source !== 'document')) full.source = item.source;
  }
  return items.filter((item) => !joined.has(item));
}
