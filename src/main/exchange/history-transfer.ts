/**
 * The change log travels with the annotations, so provenance survives an exchange. A file carries
 * the document's history except the groups that applied other files ("exchange.open": the sender's
 * bookkeeping of changes whose own history the file already carries). Opening a file adds the
 * change groups this library does not have yet, outside the undo stack.
 */
import { appendReceivedLog } from '../store/history';
import { type ChangeEntry, hasHistoryGroup, recordHistoryExcept } from '../store/history-log';
import type { Db } from '../store/open';
import type { HistoryItem } from './file-schema';

/** The action of the change group that applies an annotation file. */
export const OPEN_ACTION = 'exchange.open';

const parsed = (json: string | null): HistoryItem['before'] => (json === null ? null : JSON.parse(json));
const serialised = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

const toItem = (row: ChangeEntry): HistoryItem => ({ group: row.group_id, at: row.at, user: row.user, action: row.action, table: row.table_name,
  recordId: row.record_id, before: parsed(row.before_json), after: parsed(row.after_json) });

const toRow = (item: HistoryItem): ChangeEntry => ({ group_id: item.group, at: item.at, user: item.user, action: item.action, table_name: item.table,
  record_id: item.recordId, before_json: serialised(item.before), after_json: serialised(item.after) });

export const historyForFile = (db: Db, documentId: string): HistoryItem[] => recordHistoryExcept(db, documentId, OPEN_ACTION).map(toItem);

/** Adds the file's change groups this library lacks; returns how many entries were added. */
export function importHistory(db: Db, documentId: string, items: readonly HistoryItem[]): number {
  const present = new Map<string, boolean>();
  const has = (group: string) => {
    let known = present.get(group);
    if (known === undefined) {
      known = hasHistoryGroup(db, group);
      present.set(group, known);
    }
    return known;
  };
  const added = items.filter((item) => !has(item.group)).map(toRow);
  appendReceivedLog(db, documentId, added);
  return added.length;
}
