import type { Claim, Entity, Evidence, Mention, Review } from '../domain';

/** The records a mutation touched, so clients apply exactly what the store now holds. */
export interface RecordChanges<T> {
  upsert: T[];
  remove: string[];
}

export interface ChangeSet {
  documentId: string | null;
  /** Id of the record the call created, when it created one. */
  createdId: string | null;
  mentions: RecordChanges<Mention>;
  claims: RecordChanges<Claim>;
  evidence: RecordChanges<Evidence>;
  reviews: RecordChanges<Review>;
  entities: RecordChanges<Entity>;
  undo: UndoState;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  /** What the next undo / redo would revert or repeat, e.g. "mentions.create". */
  undoAction: string | null;
  redoAction: string | null;
}
