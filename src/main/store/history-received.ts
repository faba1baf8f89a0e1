/**
 * The records a shared file adds are logged as one history row, not one per record: table_name
 * 'received_records', record_id the exchange base set that holds their contents, after_json
 * [index in that set, start, end] for each record in the order they were added. The row reserves
 * one sequence number per record, ending at its own (`entries`). Readers expand it into the rows
 * each record would have had, with those numbers.
 */
import type { Claim, Evidence, Mention, Review } from '../../shared/domain';
import { quoteAt } from '../../shared/text/spans';
import { claimRow } from './claims';
import { documentTextAnyState } from './documents';
import { evidenceRow } from './evidence';
import { baseSet } from './exchange-bases';
import type { ChangeGroup } from './history';
import type { LogRow } from './history-log';
import { mentionRow } from './mentions';
import type { Db } from './open';
import { reviewRow } from './reviews';
import type { RecordTable, Row } from './rows';
import { statement } from './statements';

export const RECEIVED_RECORDS = 'received_records';

/** The kinds of record a file adds to a document's tables, as exchange base sets name them. */
export type ReceivedKind = 'mention' | 'claim' | 'evidence' | 'review';
/** A record a file added: its place in the base set, and its span in the local text (0, 0 for evidence and reviews). */
export type ReceivedRecord = [index: number, start: number, end: number];

const TABLE_OF: Record<ReceivedKind, RecordTable> = { mention: 'mentions', claim: 'claims', evidence: 'evidence', review: 'reviews' };

/**
 * The table row of a record a file brings, placed at a span of the document's text: what goes
 * into the table, and what its history entry shows. Object.assign rather than a spread followed by
 * more members, which V8 builds many times slower (a file places thousands).
 */
export function receivedRow(kind: ReceivedKind, content: object, documentId: string, text: string, start: number, end: number): Row {
  switch (kind) {
    case 'mention':
      return mentionRow(Object.assign({}, content, { documentId, start, end }, quoteAt(text, start, end)) as Mention);
    case 'claim':
      return claimRow(Object.assign({}, content, { documentId, start, end }, quoteAt(text, start, end)) as Claim);
    case 'evidence':
      return evidenceRow(content as Evidence);
    case 'review':
      return reviewRow(content as Review);
  }
}

const LOG_RECEIVED = `INSERT INTO history (seq, group_id, document_id, at, user, action, table_name, record_id, before_json, after_json, kind, state, entries)
  VALUES (max((SELECT coalesce(max(seq), 0) FROM history), (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'history')) + @entries,
    @group, @document, @at, @user, @action, '${RECEIVED_RECORDS}', @set, NULL, @added, @kind, 'final', @entries)`;

/** Logs the records a file added to the group's document as one row; their contents are in base set `setSeq`. */
export function logReceivedRecords(group: ChangeGroup, setSeq: number, added: readonly ReceivedRecord[]): void {
  if (added.length === 0) return;
  const { groupId, documentId, at, user, action, kind } = group.meta;
  statement(group.db, LOG_RECEIVED).run({
    entries: added.length,
    group: groupId,
    document: documentId,
    at,
    user,
    action,
    set: String(setSeq),
    added: JSON.stringify(added),
    kind
  });
}

export const isReceivedRecords = (row: LogRow) => row.table_name === RECEIVED_RECORDS;

/**
 * The rows a received-records row stands for, newest first: those `keep` accepts (by sequence
 * number, kind, id and content), at most `count` of them. Each is the row the record would have had:
 * an insert whose after_json is the table row as it was inserted.
 */
export function receivedRows<T extends LogRow>(
  db: Db,
  row: T,
  keep: (seq: number, kind: ReceivedKind, id: string, content: { claimId?: string }) => boolean,
  count = Number.POSITIVE_INFINITY
): T[] {
  const set = baseSet(db, Number(row.record_id));
  if (!set || row.document_id === null) return [];
  const records = JSON.parse(set.records_json) as [ReceivedKind, string, string][];
  const contents = JSON.parse(set.contents_json) as { claimId?: string }[];
  const added = JSON.parse(row.after_json ?? '[]') as ReceivedRecord[];
  const documentId = row.document_id;
  let text: string | undefined;
  const first = row.seq - row.entries + 1;
  const rows: T[] = [];
  for (let i = added.length - 1; i >= 0 && rows.length < count; i -= 1) {
    const [index, start, end] = added[i]!;
    const [kind, id] = records[index]!;
    const content = contents[index]!;
    if (!keep(first + i, kind, id, content)) continue;
    if ((kind === 'mention' || kind === 'claim') && text === undefined) text = documentTextAnyState(db, documentId)?.text ?? '';
    const after = receivedRow(kind, content, documentId, text ?? '', start, end);
    rows.push({ ...row, seq: first + i, table_name: TABLE_OF[kind], record_id: id, before_json: null, after_json: JSON.stringify(after), entries: 1 });
  }
  return rows;
}
