/**
 * A document's mentions as the document view receives them: one array per field instead of one
 * object per mention, and the document's id once. Lossless, about half the bytes of the records,
 * and quicker to parse (no field names repeated 10,000 times). Free of the schema library, so the
 * renderer can decode it.
 */
import type { Mention, MentionOrigin, MentionStatus } from '../domain';

export interface MentionColumns {
  documentId: string;
  id: string[];
  start: number[];
  end: number[];
  exact: string[];
  prefix: string[];
  suffix: string[];
  type: string[];
  entityId: (string | null)[];
  origin: MentionOrigin[];
  status: MentionStatus[];
  /** 1 for a masked mention. */
  masked: (0 | 1)[];
  restoration: (string | null)[];
  author: string[];
  createdAt: string[];
  updatedAt: string[];
}

export function fromMentionColumns(columns: MentionColumns): Mention[] {
  const { documentId } = columns;
  return columns.id.map((id, i) => ({
    id,
    documentId,
    start: columns.start[i],
    end: columns.end[i],
    exact: columns.exact[i],
    prefix: columns.prefix[i],
    suffix: columns.suffix[i],
    type: columns.type[i],
    entityId: columns.entityId[i],
    origin: columns.origin[i],
    status: columns.status[i],
    masked: columns.masked[i] === 1,
    restoration: columns.restoration[i],
    author: columns.author[i],
    createdAt: columns.createdAt[i],
    updatedAt: columns.updatedAt[i]
  }));
}
