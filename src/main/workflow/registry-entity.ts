/**
 * The registry entity of a name: how an accepted claimant, a restored gap, accepted or propagated
 * mentions and "link all of this text" get their entity, the same one for the same name and type.
 */
import { entityRow, findEntityByName } from '../store/entities';
import type { ChangeGroup } from '../store/history';

/** The registry name of a mention's text: its whitespace folded ("Kim\nKardashian" is "Kim Kardashian"). */
export const registryName = (exact: string) => exact.replace(/\s+/g, ' ').trim();

/** An entity by exact name and type, or a new one: how an accepted claimant or restoration gets its entity. */
export function entityNamed(group: ChangeGroup, newId: () => string, name: string, type: string): string {
  const existing = findEntityByName(group.db, name, type);
  if (existing) return existing;
  const id = newId();
  group.insert('entities', entityRow({ id, name, type, aliases: [], description: '', externalIds: {}, createdAt: group.at, updatedAt: group.at }));
  return id;
}
