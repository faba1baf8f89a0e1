import { DomainError } from '../../errors';
import { getClaim } from '../../store/claims';
import { isLiveDocument, liveDocumentText } from '../../store/documents';
import { getEntity } from '../../store/entities';
import { getMention } from '../../store/mentions';
import type { Db } from '../../store/open';

/** Lookups that refuse with a clear not_found instead of returning null. */

export function documentText(db: Db, documentId: string): string {
  const text = liveDocumentText(db, documentId);
  if (text === null) throw new DomainError('not_found', `No document with id ${documentId} in the library.`);
  return text;
}

/** A claim to read or change; one of a document in the trash is not found, as its document is not (it comes back unchanged with it). */
export function requireClaim(db: Db, id: string) {
  const claim = getClaim(db, id);
  if (!claim || !isLiveDocument(db, claim.documentId)) throw new DomainError('not_found', `No claim with id ${id}.`);
  return claim;
}

/** A mention to read or change; one of a document in the trash is not found, as with claims. */
export function requireMention(db: Db, id: string) {
  const mention = getMention(db, id);
  if (!mention || !isLiveDocument(db, mention.documentId)) throw new DomainError('not_found', `No mention with id ${id}.`);
  return mention;
}

export function requireEntity(db: Db, id: string) {
  const entity = getEntity(db, id);
  if (!entity) throw new DomainError('not_found', `No entity with id ${id}.`);
  return entity;
}
