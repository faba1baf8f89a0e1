/** The entity form's text fields, and the patch they make (checked before anything is sent). */
import type { MethodInput } from '../../shared/api/contract';
import type { Entity } from '../../shared/domain';
import { isWebLink } from './links';

export type EntityPatch = Omit<MethodInput<'entities.update'>, 'id' | 'documentId'>;

export interface EntityDraft {
  name: string;
  type: string;
  /** One alias per line. */
  aliases: string;
  description: string;
  /** externalIds.wikidata */
  wikidata: string;
  /** externalIds.url */
  url: string;
  /** Any other external ids, one "source: id" per line. */
  others: string;
}

export type PatchOutcome = { ok: true; patch: EntityPatch } | { ok: false; field: keyof EntityDraft; problem: string };

const KNOWN = ['wikidata', 'url'];

export function entityDraft(entity: Entity): EntityDraft {
  const others = Object.entries(entity.externalIds).filter(([key]) => !KNOWN.includes(key));
  return {
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases.join('\n'),
    description: entity.description,
    wikidata: entity.externalIds.wikidata ?? '',
    url: entity.externalIds.url ?? '',
    others: others.map(([key, value]) => `${key}: ${value}`).join('\n')
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);
const sameIds = (a: Record<string, string>, b: Record<string, string>) =>
  sameList(Object.keys(a).sort(), Object.keys(b).sort()) && Object.keys(a).every((key) => a[key] === b[key]);

/** What changed between the entity and the draft, or the first field that is not valid. */
export function entityPatch(entity: Entity, draft: EntityDraft): PatchOutcome {
  const name = draft.name.trim();
  if (!name) return { ok: false, field: 'name', problem: 'The name cannot be empty.' };
  const wikidata = draft.wikidata.trim().toUpperCase();
  if (wikidata && !/^Q[1-9]\d*$/.test(wikidata)) {
    return { ok: false, field: 'wikidata', problem: `“${draft.wikidata.trim()}” is not a Wikidata QID: it is Q followed by a number, e.g. Q42.` };
  }
  const url = draft.url.trim();
  if (url && (!isWebLink(url) || !URL.canParse(url))) {
    return { ok: false, field: 'url', problem: `“${url}” is not a web address: it starts with http:// or https://.` };
  }
  const externalIds: Record<string, string> = {};
  for (const line of lines(draft.others)) {
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    const value = colon > 0 ? line.slice(colon + 1).trim() : '';
    if (!key || !value) return { ok: false, field: 'others', problem: `“${line}” is not “source: id”.` };
    if (KNOWN.includes(key)) return { ok: false, field: 'others', problem: `Put the ${key} id in its own field above.` };
    externalIds[key] = value;
  }
  if (wikidata) externalIds.wikidata = wikidata;
  if (url) externalIds.url = url;

  const aliases = [...new Set(lines(draft.aliases))];
  const patch: EntityPatch = {};
  if (name !== entity.name) patch.name = name;
  if (draft.type !== entity.type) patch.type = draft.type;
  if (!sameList(aliases, entity.aliases)) patch.aliases = aliases;
  if (draft.description !== entity.description) patch.description = draft.description;
  if (!sameIds(externalIds, entity.externalIds)) patch.externalIds = externalIds;
  return { ok: true, patch };
}
