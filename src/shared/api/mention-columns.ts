/**
 * A document's mentions as the document view receives them: one array per field instead of one
 * object per mention, and the document's id once. Lossless, and a fraction of the bytes of the records
 * (quicker to send and parse, less to hold while the view starts):
 * - `exact`, `prefix` and `suffix` are null where they are what the text gives at the span (quoteAt),
 *   as they almost always are: the view has the text;
 * - `type`, `origin`, `status`, `author`, `createdAt` and `updatedAt` are null where the value is the
 *   one before's (mentions marked together share their author, times and often their label).
 * Free of the schema library, so the renderer can decode it.
 */
import type { Mention, MentionOrigin, MentionStatus } from '../domain';
import { prefixAt, quoteAt, suffixAt } from '../text/spans';

/** Every field of a document's mentions, one array each, in text order: what the store reads. */
export interface MentionFields {
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

type QuoteField = 'exact' | 'prefix' | 'suffix';
type RepeatedField = 'type' | 'origin' | 'status' | 'author' | 'createdAt' | 'updatedAt';

export type MentionColumns = Omit<MentionFields, QuoteField | RepeatedField> & {
  [F in QuoteField | RepeatedField]: (MentionFields[F][number] | null)[];
};

const withoutRepeats = <T>(values: T[]): (T | null)[] => values.map((value, i) => (i > 0 && value === values[i - 1] ? null : value));

function withRepeats<T>(values: (T | null)[]): T[] {
  let last = values[0] as T;
  return values.map((value) => (last = value ?? last));
}

/** The wire form of `fields`, whose spans lie in `text`. */
export function toMentionColumns(fields: MentionFields, text: string): MentionColumns {
  const quotes = fields.id.map((_, i) => quoteAt(text, fields.start[i], fields.end[i]));
  const unlessQuoted = (field: QuoteField) => fields[field].map((value, i) => (value === quotes[i][field] ? null : value));
  return {
    ...fields,
    exact: unlessQuoted('exact'),
    prefix: unlessQuoted('prefix'),
    suffix: unlessQuoted('suffix'),
    type: withoutRepeats(fields.type),
    origin: withoutRepeats(fields.origin),
    status: withoutRepeats(fields.status),
    author: withoutRepeats(fields.author),
    createdAt: withoutRepeats(fields.createdAt),
    updatedAt: withoutRepeats(fields.updatedAt)
  };
}

/** The records `columns` stands for; `text` is the text of the document they were made from. */
export function fromMentionColumns(columns: MentionColumns, text: string): Mention[] {
  const { documentId } = columns;
  const type = withRepeats(columns.type);
  const origin = withRepeats(columns.origin);
  const status = withRepeats(columns.status);
  const author = withRepeats(columns.author);
  const createdAt = withRepeats(columns.createdAt);
  const updatedAt = withRepeats(columns.updatedAt);
  return columns.id.map((id, i) => {
    const start = columns.start[i];
    const end = columns.end[i];
    return {
      id,
      documentId,
      start,
      end,
      exact: columns.exact[i] ?? text.slice(start, end),
      prefix: columns.prefix[i] ?? prefixAt(text, start),
      suffix: columns.suffix[i] ?? suffixAt(text, end),
      type: type[i],
      entityId: columns.entityId[i],
      origin: origin[i],
      status: status[i],
      masked: columns.masked[i] === 1,
      restoration: columns.restoration[i],
      author: author[i],
      createdAt: createdAt[i],
      updatedAt: updatedAt[i]
    };
  });
}
