/** Reading an open document: its text part and its annotations part (documents.get is both). */
import type { CompactAnnotations, DocumentAnnotations, DocumentText } from '../../shared/api/methods/document-parts';
import { toMentionColumns } from '../../shared/api/mention-columns';
import { findGaps } from '../../shared/gaps';
import { DomainError } from '../errors';
import { listClaims } from '../store/claims';
import { documentExists, getDocument, liveDocumentText } from '../store/documents';
import { entitiesOfDocument } from '../store/entities';
import { listEvidenceOfDocument } from '../store/evidence';
import { undoState } from '../store/history';
import { listMentionColumns, listMentions } from '../store/mentions';
import type { Db } from '../store/open';
import { listReviewsOfDocument } from '../store/reviews';
import { derivedClaims } from '../workflow/verification';

const notFound = (id: string) => new DomainError('not_found', `No document with id ${id}.`);

export function readDocumentText(db: Db, id: string): DocumentText {
  const document = getDocument(db, id);
  if (!document) throw notFound(id);
  return { document, gaps: findGaps(document.text), undo: undoState(db, id) };
}

export function readDocumentAnnotations(db: Db, id: string): DocumentAnnotations {
  return { mentions: listMentions(db, id), ...readOtherAnnotations(db, id) };
}

/** What the document view asks for: the annotations, with the mentions in their compact wire form. */
export function readCompactAnnotations(db: Db, id: string): CompactAnnotations {
  const text = liveDocumentText(db, id);
  if (text === null) throw notFound(id);
  return { mentions: toMentionColumns(listMentionColumns(db, id), text), ...readOtherAnnotations(db, id) };
}

function readOtherAnnotations(db: Db, id: string): Omit<DocumentAnnotations, 'mentions'> {
  // Checked without loading the article text, which this part does not return.
  if (!documentExists(db, id)) throw notFound(id);
  return {
    claims: derivedClaims(db, id, listClaims(db, id)),
    evidence: listEvidenceOfDocument(db, id),
    reviews: listReviewsOfDocument(db, id),
    entities: entitiesOfDocument(db, id)
  };
}
