/** The outline's entity list: mentions grouped by type, then by entity (or by their text when unlinked). */
import type { Entity, LabelType, Mention } from '../../shared/domain';

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

function itemOf(mention: Mention, entities: Map<string, Entity>): { key: string; name: string; linked: boolean } {
  const entity = mention.entityId ? entities.get(mention.entityId) : undefined;
  if (entity) return { key: `entity:${entity.id}`, name: entity.name, linked: true };
  if (mention.masked) {
    const name = mention.restoration ? `[${mention.restoration}]` : 'Masked name';
    return { key: `masked:${mention.restoration ?? ''}`, name, linked: false };
  }
  return { key: `text:${mention.exact}`, name: mention.exact, linked: false };
}

/** Groups in label order (types without a label last); items by mention count, then name. */
export function outlineGroups(mentions: Mention[], entities: Map<string, Entity>, labels: LabelType[]): OutlineGroup[] {
  const groups = new Map<string, Map<string, OutlineItem>>();
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const items = groups.get(mention.type) ?? new Map<string, OutlineItem>();
    groups.set(mention.type, items);
    const { key, name, linked } = itemOf(mention, entities);
    const item = items.get(key);
    if (item) item.mentionIds.push(mention.id);
    else items.set(key, { key, name, linked, mentionIds: [mention.id] });
  }
  const rank = new Map(labels.map((label, i) => [label.key, i]));
  return [...groups.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? labels.length) - (rank.get(b) ?? labels.length) || a.localeCompare(b))
    .map(([type, items]) => {
      const label = labels.find((l) => l.key === type);
      return {
        type,
        name: label?.name ?? type,
        color: label?.color ?? UNKNOWN_COLOR,
        items: [...items.values()].sort((a, b) => b.mentionIds.length - a.mentionIds.length || a.name.localeCompare(b.name))
      };
    });
}

export const labelColor = (labels: Map<string, LabelType>, type: string) => labels.get(type)?.color ?? UNKNOWN_COLOR;
