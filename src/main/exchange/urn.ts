import { sha256Hex } from '../import/hash';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A urn:uuid for a record or document id. Factdesk ids are UUIDs already; any other id gets a
 * name-based UUID (RFC 9562 version 8 layout) derived from it, so the same id always maps alike.
 */
export function uuidUrn(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  const hex = sha256Hex(`factdesk-id:${id}`);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
