import type { UndoState } from '../../shared/api/changes';
import { DomainError } from '../errors';
import type { ChangeEntry } from './history-log';
import type { Db } from './open';
import { type RecordTable, type Row, isRecordTable, parseJson } from './rows';
import { statement } from './statements';
import { inWriteTransaction } from './write-transaction';

/** Everything a mutation needs besides its input: the database, the clock, id source and the acting user. */
export interface MutationContext {
  db: Db;
  clock: () => Date;
  newId: () => string;
  user: string;
}

export interface Touch {
  table: RecordTable;
  id: string;
  /** The record before the group's first change to it (null: it was created). */
  before: Row | null;
  after: Row | null;
}

type GroupKind = 'edit' | 'undo' | 'redo' | 'log';

interface GroupMeta {
  groupId: string;
  documentId: string | null;
  at: string;
  user: string;
  action: string;
  kind: GroupKind;
}

const quote = (column: string) => `"${column}"`;

/**
 * Statement texts by table and column list, built once: a bulk write (an annotation file opens
 * thousands of records in one group) would otherwise rebuild the same SQL for every row.
 */
const sqlTexts = new Map<string, string>();

function sqlFor(verb: 'insert' | 'update', table: RecordTable, columns: readonly string[]): string {
  const key = `${verb} ${table} ${columns.join(',')}`;
  let sql = sqlTexts.get(key);
  if (sql === undefined) {
    sql =
      verb === 'insert'
        ? `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
        : `UPDATE ${table} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`;
    sqlTexts.set(key, sql);
  }
  return sql;
}

/** One history row; every writer of the change log uses it. */
const HISTORY_COLUMNS = 'group_id, document_id, at, user, action, table_name, record_id, before_json, after_json, kind, state';
const HISTORY_INSERT = `INSERT INTO history (${HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * One transaction's worth of record writes. Every write goes through here, so each is logged in
 * history with full before/after snapshots, and the caller learns which records it touched.
 */
export class ChangeGroup {
  private readonly touched = new Map<string, Touch>();

  constructor(
    readonly db: Db,
    readonly meta: GroupMeta
  ) {}

  get at(): string {
    return this.meta.at;
  }

  get user(): string {
    return this.meta.user;
  }

  touches(): Touch[] {
    return [...this.touched.values()];
  }

  read(table: RecordTable, id: string): Row | null {
    return (statement(this.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined) ?? null;
  }

  insert(table: RecordTable, row: Row): Row {
    this.write(table, row);
    this.log(table, String(row.id), null, row);
    return row;
  }

  /**
   * Inserts a record a shared file adds, without a history row of its own: the file's one entry
   * for the records it added (logReceivedRecords) stands for it.
   */
  insertReceived(table: RecordTable, row: Row): void {
    this.write(table, row);
    this.touch(table, String(row.id), null, row);
  }

  update(table: RecordTable, id: string, patch: Row): Row {
    const before = this.require(table, id);
    const after = { ...before, ...patch };
    this.assign(table, id, after);
    this.log(table, id, before, after);
    return after;
  }

  remove(table: RecordTable, id: string): Row {
    const before = this.require(table, id);
    statement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    this.log(table, id, before, null);
    return before;
  }

  /** Puts a record into exactly the given state (null: absent); used to replay history. */
  restore(table: RecordTable, id: string, target: Row | null): void {
    const current = this.read(table, id);
    if (target === null) {
      if (current) this.remove(table, id);
    } else if (current) {
      this.assign(table, id, target);
      this.log(table, id, current, target);
    } else {
      this.insert(table, target);
    }
  }

  /** Writes a history row for a change made outside the record helpers (documents, settings). */
  note(table: string, recordId: string, before: unknown, after: unknown): void {
    this.writeHistory(table, recordId, before, after);
  }

  private require(table: RecordTable, id: string): Row {
    const row = this.read(table, id);
    if (!row) throw new DomainError('not_found', `No ${table} record with id ${id}.`);
    return row;
  }

  // UPDATE rather than INSERT OR REPLACE: a replace deletes first, which would cascade to child rows.
  private assign(table: RecordTable, id: string, row: Row): void {
    const columns = Object.keys(row).filter((c) => c !== 'id');
    statement(this.db, sqlFor('update', table, columns)).run(...columns.map((c) => row[c]), id);
  }

  private write(table: RecordTable, row: Row): void {
    const columns = Object.keys(row);
    statement(this.db, sqlFor('insert', table, columns)).run(columns.map((c) => row[c]));
  }

  private log(table: RecordTable, id: string, before: Row | null, after: Row | null): void {
    this.writeHistory(table, id, before, after);
    this.touch(table, id, before, after);
  }

  private touch(table: RecordTable, id: string, before: Row | null, after: Row | null): void {
    const key = `${table}:${id}`;
    this.touched.set(key, { table, id, before: this.touched.get(key)?.before ?? before, after });
  }

  private writeHistory(table: string, recordId: string, before: unknown, after: unknown): void {
    const { groupId, documentId, at, user, action, kind } = this.meta;
    statement(this.db, HISTORY_INSERT).run(
      groupId,
      documentId,
      at,
      user,
      action,
      table,
      recordId,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
      kind,
      kind === 'edit' ? 'active' : 'final'
    );
  }
}

export interface MutationMeta {
  documentId: string | null;
  action: string;
  /** 'log' records the change in history without putting it on the document's undo stack. */
  kind?: 'edit' | 'log';
}

/** Runs fn in one transaction with a fresh change group; a thrown error rolls everything back. */
export function runMutation<T>(ctx: MutationContext, meta: MutationMeta, fn: (group: ChangeGroup) => T) {
  const group = new ChangeGroup(ctx.db, {
    groupId: ctx.newId(),
    documentId: meta.documentId,
    at: ctx.clock().toISOString(),
    user: ctx.user,
    action: meta.action,
    kind: meta.kind ?? 'edit'
  });
  const value = inWriteTransaction(ctx.db, () => {
    const result = fn(group);
    if (group.meta.kind === 'edit' && meta.documentId && group.touches().length > 0) {
      // A new edit after an undo makes the undone steps unreachable, as in any editor.
      statement(
        ctx.db,
        `UPDATE history SET state = 'discarded' WHERE document_id = ? AND kind = 'edit' AND state = 'undone'`
      ).run(meta.documentId);
    }
    return result;
  });
  return { value, group };
}

interface HistoryRow {
  seq: number;
  group_id: string;
  action: string;
  table_name: string;
  record_id: string;
  before_json: string | null;
  after_json: string | null;
}

function groupRows(db: Db, groupId: string): HistoryRow[] {
  return statement(
    db,
    'SELECT seq, group_id, action, table_name, record_id, before_json, after_json FROM history WHERE group_id = ? ORDER BY seq'
  ).all(groupId) as HistoryRow[];
}

function stackTop(db: Db, documentId: string, state: 'active' | 'undone'): { group_id: string; action: string } | null {
  // Undo takes the newest active edit; redo the oldest undone one (undone edits always form a suffix).
  const order = state === 'active' ? 'DESC' : 'ASC';
  return (
    (statement(
      db,
      `SELECT group_id, action FROM history WHERE document_id = ? AND kind = 'edit' AND state = ? ORDER BY seq ${order} LIMIT 1`
    ).get(documentId, state) as { group_id: string; action: string } | undefined) ?? null
  );
}

export function undoState(db: Db, documentId: string): UndoState {
  const undo = stackTop(db, documentId, 'active');
  const redo = stackTop(db, documentId, 'undone');
  return { canUndo: !!undo, canRedo: !!redo, undoAction: undo?.action ?? null, redoAction: redo?.action ?? null };
}

const canonical = (row: Row | null) =>
  row === null ? 'null' : JSON.stringify(Object.keys(row).sort().map((key) => [key, row[key]]));
const sameRow = (a: Row | null, b: Row | null) => canonical(a) === canonical(b);

/** One record an edit group changed, as it was before and after the edit. */
export interface ReplayedRecord {
  table: string;
  before: Row | null;
  after: Row | null;
}

/**
 * Reverts (undo) or repeats (redo) the document's next edit group as a new, logged group;
 * `refuse` may stop it (throwing) once it has seen the records that group changed.
 */
export function replay(
  ctx: MutationContext,
  documentId: string,
  direction: 'undo' | 'redo',
  refuse: (records: ReplayedRecord[]) => void = () => {}
): ChangeGroup {
  const target = stackTop(ctx.db, documentId, direction === 'undo' ? 'active' : 'undone');
  if (!target) {
    throw new DomainError(
      direction === 'undo' ? 'nothing_to_undo' : 'nothing_to_redo',
      direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.'
    );
  }
  const group = new ChangeGroup(ctx.db, {
    groupId: ctx.newId(),
    documentId,
    at: ctx.clock().toISOString(),
    user: ctx.user,
    action: `${direction} ${target.action}`,
    kind: direction
  });
  inWriteTransaction(ctx.db, () => {
    const rows = groupRows(ctx.db, target.group_id).map((row) => ({
      table: row.table_name,
      id: row.record_id,
      before: parseJson<Row | null>(row.before_json, null),
      after: parseJson<Row | null>(row.after_json, null)
    }));
    refuse(rows);
    const steps = direction === 'undo' ? [...rows].reverse() : rows;
    for (const { table, id, before, after } of steps) {
      if (!isRecordTable(table)) continue;
      const [expected, wanted] = direction === 'undo' ? [after, before] : [before, after];
      const current = group.read(table, id);
      if (!sameRow(current, expected)) {
        throw new DomainError('conflict', `Cannot ${direction} "${target.action}": the ${table} record was changed elsewhere since.`);
      }
      group.restore(table, id, wanted);
    }
    statement(ctx.db, 'UPDATE history SET state = ? WHERE group_id = ?').run(
      direction === 'undo' ? 'undone' : 'active',
      target.group_id
    );
  });
  return group;
}

/** Received entries written per INSERT statement (11 parameters each, well under SQLite's parameter limit). */
const RECEIVED_PER_STATEMENT = 256;

const receivedInsert = (rows: number) =>
  `INSERT INTO history (${HISTORY_COLUMNS}) VALUES ${Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'log', 'final')").join(', ')}`;

const receivedValues = (documentId: string) => (entry: ChangeEntry) => [
  entry.group_id,
  documentId,
  entry.at,
  entry.user,
  entry.action,
  entry.table_name,
  entry.record_id,
  entry.before_json,
  entry.after_json
];

/**
 * Stores change log entries received from elsewhere (a shared file) as they came, in order, outside
 * the undo stack. Full batches go many rows per statement (a file carries thousands), the rest one
 * row at a time, so only two statement texts are ever prepared.
 */
export function appendReceivedLog(db: Db, documentId: string, entries: readonly ChangeEntry[]): void {
  const values = receivedValues(documentId);
  const full = entries.length - (entries.length % RECEIVED_PER_STATEMENT);
  for (let i = 0; i < full; i += RECEIVED_PER_STATEMENT) {
    statement(db, receivedInsert(RECEIVED_PER_STATEMENT)).run(entries.slice(i, i + RECEIVED_PER_STATEMENT).flatMap(values));
  }
  for (const entry of entries.slice(full)) statement(db, receivedInsert(1)).run(values(entry));
}
