import { z } from 'zod';
import type { ArticleDocument, Claim, Entity, Evidence, Gap, Mention, Review } from '../../domain';
import type { UndoState } from '../changes';
import type { MentionColumns } from '../mention-columns';
import { id, method, returns } from '../define';

/** The article itself: what the document view paints first. */
export interface DocumentText {
  document: ArticleDocument;
  gaps: Gap[];
  undo: UndoState;
}

/** Everything annotated on the article, and the entities its mentions and claims link to. */
export interface DocumentAnnotations {
  mentions: Mention[];
  claims: Claim[];
  evidence: Evidence[];
  reviews: Review[];
  entities: Entity[];
}

/** documents.annotationColumns: the same, with the mentions column by column (see mention-columns.ts). */
export interface CompactAnnotations extends Omit<DocumentAnnotations, 'mentions'> {
  mentions: MentionColumns;
}

/**
 * documents.get in two parts, so the document view shows a long article's text without waiting
 * for (and parsing) thousands of annotations: it asks for both at once and paints the text first.
 */
export const documentPartMethods = {
  'documents.text': method(z.strictObject({ id }), returns<DocumentText>()),
  'documents.annotations': method(z.strictObject({ id }), returns<DocumentAnnotations>()),
  /** What the document view asks for: fewer bytes to send and parse for a long article. */
  'documents.annotationColumns': method(z.strictObject({ id }), returns<CompactAnnotations>())
} as const;
