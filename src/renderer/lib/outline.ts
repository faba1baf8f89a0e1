/** The outline's entity list: mentions grouped by type, then by entity (or by their text when unlinked). */
import type { Entity, LabelType, Mention } from '../../shared/domain';
import { onFirstUse } from './on-first-use';

export interface OutlineItem {
  key: string;
  name: string;
  /** The group's mentions in text order. */
  mentionIds: string[];
  linked: boolean;
}

export interface OutlineGroup {
  type: string;
  name: string;
  color: string;
  items: OutlineItem[];
}

const UNKNOWN_COLOR = '#6b7280';

// Same order as String.localeCompare, without its per-call setup (thousands of names are sorted on every edit).
const collator = onFirstUse(() => new Intl.Collator());

/** Which outline entry a mention belongs to: its entity, else its restoration (masked) or its text. */
export function outlineKey(mention: Mention, entities: Map<string, Entity>): string {
  return itemOf(mention, entities).key;
}

function itemOf(mention: Mention, entities: Map<string, Entity>): { key: string; name: string; linked: boolean } {
  const entity = mention.entityId ? entities.get(mention.entityId) : undefined;
  if (entity) return { key: `entity:${entity.id}`, name: entity.name, linked: true };
  if (mention.masked) {
    const name = mention.restoration ? `[${mention.restoration}]` : 'Masked name';
    return { key: `masked:${mention.restoration ?? ''}`, name, linked: false };
  }
  return { key: `text:${mention.exact}`, name: mention.exact, linked: false };
}

const sameItem = (a: OutlineItem, b: OutlineItem) =>
  a.name === b.name &&
  a.linked === b.linked &&
  a.mentionIds.length === b.mentionIds.length &&
  a.mentionIds.every((id, i) => id === b.mentionIds[i]);

/** Most mentions first, then by name; the key breaks ties, so the order is total. */
const byCountThenName = (a: OutlineItem, b: OutlineItem) =>
  b.mentionIds.length - a.mentionIds.length || collator().compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * `items` in order. Entries kept from `previous` are already in order among themselves, so only
 * the new or changed ones are placed (by binary search): an edit costs a few comparisons, not a sort.
 */
function ordered(items: OutlineItem[], previous: OutlineItem[] | undefined): OutlineItem[] {
  if (!previous) return items.sort(byCountThenName);
  const present = new Set(items);
  const result = previous.filter((item) => present.has(item));
  const kept = new Set(result);
  for (const item of items) {
    if (kept.has(item)) continue;
    let low = 0;
    let high = result.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byCountThenName(result[mid], item) < 0) low = mid + 1;
      else high = mid;
    }
    result.splice(low, 0, item);
  }
  return result;
}

/**
 * Groups in label order (types without a label last); items by mention count, then name. Items
 * and groups equal to those in `previous` are returned as those same objects, so after an edit
 * only the entries it touched render again (an article can have thousands).
 */
export function outlineGroups(
  mentions: Mention[],
  entities: Map<string, Entity>,
  labels: LabelType[],
  previous: OutlineGroup[] = []
): OutlineGroup[] {
  const groups = new Map<string, Map<string, OutlineItem>>();
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const items = groups.get(mention.type) ?? new Map<string, OutlineItem>();
    groups.set(mention.type, items);
    const { key, name, linked } = itemOf(mention, entities);
    const item = items.get(key);
    if (item) item.mentionIds.push(mention.id);
    else items.set(key, { key, name, linked, mentionIds: [mention.id] });
  }
  const before = new Map(previous.map((group) => [group.type, group]));
  const rank = new Map(labels.map((label, i) => [label.key, i]));
  return [...groups.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? labels.length) - (rank.get(b) ?? labels.length) || collator().compare(a, b))
    .map(([type, items]) => {
      const label = labels.find((l) => l.key === type);
      const old = before.get(type);
      const oldItems = new Map(old?.items.map((item) => [item.key, item]));
      const current = [...items.values()].map((item) => {
        const kept = oldItems.get(item.key);
        return kept && sameItem(kept, item) ? kept : item;
      });
      const sortedItems = ordered(current, old?.items);
      const group = { type, name: label?.name ?? type, color: label?.color ?? UNKNOWN_COLOR, items: sortedItems };
      const unchanged =
        old &&
        old.name === group.name &&
        old.color === group.color &&
        old.items.length === sortedItems.length &&
        old.items.every((item, i) => item === sortedItems[i]);
      return unchanged ? old : group;
    });
}

export const labelColor = (labels: Map<string, LabelType>, type: string) => labels.get(type)?.color ?? UNKNOWN_COLOR;
