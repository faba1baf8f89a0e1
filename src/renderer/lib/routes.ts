/** The views of the window and their URL hashes (so reload and Back work); read before anything else loads (main.ts). */
import { DOCUMENT_HASH } from '../../shared/api/start-script';

export type Route =
  | { name: 'library' }
  | { name: 'trash' }
  | { name: 'document'; id: string }
  | { name: 'entities' }
  | { name: 'entity'; id: string };

const ENTITY_HASH = /^#\/entities\/([^/]+)$/;
const TRASH_HASH = '#/trash';
export const ENTITIES_HASH = '#/entities';

/** An id from the address; one with a malformed escape is kept as written, and the view then says it finds no such record. */
function idOf(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function routeFromHash(hash: string): Route {
  if (hash === TRASH_HASH) return { name: 'trash' };
  if (hash === ENTITIES_HASH) return { name: 'entities' };
  const entity = ENTITY_HASH.exec(hash);
  if (entity) return { name: 'entity', id: idOf(entity[1]) };
  const match = DOCUMENT_HASH.exec(hash);
  return match ? { name: 'document', id: idOf(match[1]) } : { name: 'library' };
}

export const hashOf = (route: Route): string => {
  switch (route.name) {
    case 'document':
      return `#/documents/${encodeURIComponent(route.id)}`;
    case 'entity':
      return `${ENTITIES_HASH}/${encodeURIComponent(route.id)}`;
    case 'entities':
      return ENTITIES_HASH;
    case 'trash':
      return TRASH_HASH;
    default:
      return '#/';
  }
};
