/**
 * The registry entity of a name: how an accepted claimant, a restored gap, accepted or propagated
 * mentions and "link all of this text" get their entity, the same one for the same name and type.
 */
import { entityRow, findEntityByName } from '../store/entities';
import type { ChangeGroup } from '../store/history';
import { registryName } from '../assist/text/words';

/** An entity by name (whitespace folded) and type, or a new one: how an accepted claimant or restoration gets its entity. */
export function entityNamed(group: ChangeGroup, newId: () => string, name: string, type: string): string {
  const folded = registryName(name);
  const existing = findEntityByName(group.db, folded, type);
  if (existing) return existing;
  const id = newId();
  group.insert('entities', entityRow({ id, name: folded, type, aliases: [], description: '', externalIds: {}, createdAt: group.at, updatedAt: group.at }));
  return id;
}
