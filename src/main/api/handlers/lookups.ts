import { DomainError } from '../../errors';
import { getClaim } from '../../store/claims';
import { liveDocumentText } from '../../store/documents';
import { getEntity } from '../../store/entities';
import type { Db } from '../../store/open';

/** Lookups that refuse with a clear not_found instead of returning null. */

export function documentText(db: Db, documentId: string): string {
  const text = liveDocumentText(db, documentId);
  if (text === null) throw new DomainError('not_found', `No document with id ${documentId} in the library.`);
  return text;
}

export function requireClaim(db: Db, id: string) {
  const claim = getClaim(db, id);
  if (!claim) throw new DomainError('not_found', `No claim with id ${id}.`);
  return claim;
}

export function requireEntity(db: Db, id: string) {
  const entity = getEntity(db, id);
  if (!entity) throw new DomainError('not_found', `No entity with id ${id}.`);
  return entity;
}
