/**
 * The exchange_base_sets table: every state of a record that crossed an exchange, stored once per
 * exchange. A set holds what one exchange recorded for one document (document null: the library's
 * entities): [kind, id, revision] of each record, and each record's content in the same order.
 * Record kinds are the exchange's names ('entity', 'mention', ...).
 */
import type { Db } from './open';
import { statement } from './statements';

/** One stored set without its contents: its exchange order, its document, its records as JSON text. */
export interface BaseSetRow {
  seq: number;
  document_id: string | null;
  records_json: string;
}

/** The sets of a document and those of the library's entities, oldest first. */
export function baseSetsOf(db: Db, documentId: string): BaseSetRow[] {
  return statement(
    db,
    'SELECT seq, document_id, records_json FROM exchange_base_sets WHERE document_id = ? OR document_id IS NULL ORDER BY seq'
  ).all(documentId) as BaseSetRow[];
}

/** The contents (JSON text of an array) of one set. */
export function baseSetContents(db: Db, seq: number): string {
  return (statement(db, 'SELECT contents_json FROM exchange_base_sets WHERE seq = ?').get(seq) as { contents_json: string }).contents_json;
}

/** One whole set (records and contents as JSON text), or null when there is none with that number. */
export function baseSet(db: Db, seq: number): { records_json: string; contents_json: string } | null {
  return (
    (statement(db, 'SELECT records_json, contents_json FROM exchange_base_sets WHERE seq = ?').get(seq) as
      | { records_json: string; contents_json: string }
      | undefined) ?? null
  );
}

/** Stores a set, numbered after every set stored before; returns its number. */
export function saveBaseSet(db: Db, documentId: string | null, recordsJson: string, contentsJson: string): number {
  return Number(
    statement(db, 'INSERT INTO exchange_base_sets (document_id, records_json, contents_json) VALUES (?, ?, ?)').run(
      documentId,
      recordsJson,
      contentsJson
    ).lastInsertRowid
  );
}
