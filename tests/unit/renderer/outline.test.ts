import { describe, expect, it } from 'vitest';
import { outlineGroups, outlineKey } from '../../../src/renderer/lib/outline';
import type { Entity, LabelType, Mention } from '../../../src/shared/domain';

const labels: LabelType[] = [
  { key: 'person', name: 'Person', color: '#2f6fde', hotkey: '1' },
  { key: 'location', name: 'Location', color: '#1f9a6a', hotkey: '3' }
];

let next = 0;
function mention(exact: string, type: string, start: number, entityId: string | null = null): Mention {
  next += 1;
  return {
    id: `m${next}`,
    documentId: 'd1',
    start,
    end: start + exact.length,
    exact,
    prefix: '',
    suffix: '',
    type,
    entityId,
    origin: 'manual',
    status: 'accepted',
    masked: false,
    restoration: null,
    author: 'Ada',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z'
  };
}

const ahab: Entity = {
  id: 'e1',
  name: 'Captain Ahab',
  type: 'person',
  aliases: [],
  description: '',
  externalIds: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
};
const entities = new Map([[ahab.id, ahab]]);

describe('outline groups', () => {
  it('groups by label in label order, entries by count then name, mentions in text order', () => {
    const later = mention('Ahab', 'person', 90, 'e1');
    const earlier = mention('Ahab', 'person', 10, 'e1');
    const mentions = [later, mention('Nantucket', 'location', 50), earlier, mention('Ishmael', 'person', 0), mention('Bildad', 'person', 70)];
    const groups = outlineGroups(mentions, entities, labels);
    expect(groups.map((g) => g.type)).toEqual(['person', 'location']);
    expect(groups[0].items.map((i) => [i.name, i.mentionIds.length, i.linked])).toEqual([
      ['Captain Ahab', 2, true],
      ['Bildad', 1, false],
      ['Ishmael', 1, false]
    ]);
    expect(groups[0].items[0].mentionIds).toEqual([earlier.id, later.id]);
    expect(outlineKey(later, entities)).toBe(groups[0].items[0].key);
  });

  it('keeps the objects of every entry and group an edit did not touch', () => {
    const mentions = [mention('Ishmael', 'person', 0), mention('Bildad', 'person', 40), mention('Nantucket', 'location', 80)];
    const before = outlineGroups(mentions, entities, labels);
    const added = mention('Bildad', 'person', 120);
    const after = outlineGroups([...mentions, added], entities, labels, before);

    const bildad = after[0].items.find((i) => i.name === 'Bildad')!;
    expect(bildad.mentionIds).toHaveLength(2);
    expect(bildad).not.toBe(before[0].items.find((i) => i.name === 'Bildad'));
    expect(after[0].items.find((i) => i.name === 'Ishmael')).toBe(before[0].items.find((i) => i.name === 'Ishmael'));
    expect(after[0]).not.toBe(before[0]);
    // The location group did not change at all: the same object, so its list is not even compared again.
    expect(after[1]).toBe(before[1]);

    // Placed by binary search, the entries end up exactly where a full sort puts them.
    const names = (groups: ReturnType<typeof outlineGroups>) => groups.map((g) => g.items.map((i) => i.name));
    expect(names(after)).toEqual(names(outlineGroups([...mentions, added], entities, labels)));
    expect(after[0].items[0]).toBe(bildad);

    const same = outlineGroups([...mentions, added], entities, labels, after);
    expect(same[0]).toBe(after[0]);
    expect(same[1]).toBe(after[1]);
  });
});
