/**
 * The change log travels with the annotations, so provenance survives an exchange. A file carries
 * the document's history except the groups that applied other files ("exchange.open": the sender's
 * bookkeeping of changes whose own history the file already carries). Opening a file adds the
 * change groups this library does not have yet, outside the undo stack.
 */
import { HISTORY_INSERT } from '../store/history';
import type { Db } from '../store/open';
import { RECORD_TABLES } from '../store/rows';
import type { LogRow } from '../store/history-log';
import { statement } from '../store/statements';
import type { HistoryItem } from './file-schema';

/** The action of the change group that applies an annotation file. */
export const OPEN_ACTION = 'exchange.open';

type HistoryRow = Omit<LogRow, 'seq' | 'document_id'>;

const tableList = RECORD_TABLES.map((table) => `'${table}'`).join(', ');

export function historyForFile(db: Db, documentId: string): HistoryItem[] {
  const rows = statement(
    db,
    `SELECT group_id, at, user, action, table_name, record_id, before_json, after_json FROM history
     WHERE document_id = ? AND action != '${OPEN_ACTION}' AND table_name IN (${tableList}) ORDER BY seq`
  ).all(documentId) as HistoryRow[];
  return rows.map((row) => ({
    group: row.group_id,
    at: row.at,
    user: row.user,
    action: row.action,
    table: row.table_name,
    recordId: row.record_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json)
  }));
}

/** Adds the file's change groups this library lacks; returns how many entries were added. */
export function importHistory(db: Db, documentId: string, items: readonly HistoryItem[]): number {
  const present = new Map<string, boolean>();
  const has = (group: string) => {
    let known = present.get(group);
    if (known === undefined) {
      known = !!statement(db, 'SELECT 1 FROM history WHERE group_id = ? LIMIT 1').get(group);
      present.set(group, known);
    }
    return known;
  };
  let added = 0;
  for (const item of items) {
    if (has(item.group)) continue;
    statement(db, HISTORY_INSERT).run(
      item.group,
      documentId,
      item.at,
      item.user,
      item.action,
      item.table,
      item.recordId,
      item.before === null ? null : JSON.stringify(item.before),
      item.after === null ? null : JSON.stringify(item.after),
      'log',
      'final'
    );
    added += 1;
  }
  return added;
}
