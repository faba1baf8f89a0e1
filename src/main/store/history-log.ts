/** Reading the change log for the inspector: history rows as domain records, newest first. */
import type { HistoryEntry } from '../../shared/domain';
import { type ClaimRow, toClaim } from './claims';
import { type EntityRow, toEntity } from './entities';
import { type EvidenceRow, toEvidence } from './evidence';
import { type MentionRow, toMention } from './mentions';
import type { Db } from './open';
import { RECEIVED_RECORDS, isReceivedRecords, receivedRows } from './history-received';
import { type ReviewRow, toReview } from './reviews';
import { RECORD_TABLES, parseJson } from './rows';
import { statement } from './statements';

/** A row of the history table as stored. */
export interface LogRow {
  seq: number;
  group_id: string;
  document_id: string | null;
  at: string;
  user: string;
  action: string;
  table_name: string;
  record_id: string;
  before_json: string | null;
  after_json: string | null;
  /** How many entries the row stands for (see history-received.ts); 1 for every other row. */
  entries: number;
}

/** One change as it travels between libraries: a history row without its local numbering and document. */
export type ChangeEntry = Omit<LogRow, 'seq' | 'document_id' | 'entries'>;

/** A history row with the shared file its group applied, if any (history_sources). */
interface SourcedRow extends LogRow {
  source_file: string | null;
  source_sender: string | null;
}

const SOURCED = `SELECT h.*, s.file_name AS source_file, s.sender AS source_sender
  FROM history h LEFT JOIN history_sources s ON s.group_id = h.group_id`;

const CONVERTERS: Record<string, (row: never) => unknown> = {
  claims: (row: ClaimRow) => toClaim(row),
  evidence: (row: EvidenceRow) => toEvidence(row),
  reviews: (row: ReviewRow) => toReview(row),
  mentions: (row: MentionRow) => toMention(row),
  entities: (row: EntityRow) => toEntity(row)
};

function toEntry(row: SourcedRow): HistoryEntry {
  const convert = CONVERTERS[row.table_name];
  const snapshot = (json: string | null) => {
    const value = parseJson<unknown>(json, null);
    return value !== null && convert ? convert(value as never) : value;
  };
  return {
    seq: row.seq,
    groupId: row.group_id,
    documentId: row.document_id,
    at: row.at,
    user: row.user,
    action: row.action,
    table: row.table_name,
    recordId: row.record_id,
    before: snapshot(row.before_json),
    after: snapshot(row.after_json),
    receivedFrom: row.source_file === null ? null : { fileName: row.source_file, sender: row.source_sender ?? '' }
  };
}

/** The document a claim belongs (or belonged) to, from the claim or, once deleted, from its history. */
export function claimDocumentId(db: Db, claimId: string): string | null {
  const row = (statement(db, 'SELECT document_id FROM claims WHERE id = ?').get(claimId) ??
    statement(db, "SELECT document_id FROM history WHERE table_name = 'claims' AND record_id = ? LIMIT 1").get(claimId)) as
    | { document_id: string | null }
    | undefined;
  return row?.document_id ?? null;
}

/**
 * Every change to a claim and to the evidence and reviews that belong (or belonged) to it; also the
 * library-wide changes that reached the claim (an entity merged or split in the registry). Newest
 * first by the time each change was made: work received in a file keeps its own times.
 */
export function claimHistory(db: Db, documentId: string, claimId: string): HistoryEntry[] {
  const rows = statement(
    db,
    `${SOURCED}
     WHERE (h.document_id = @documentId AND (
       (h.table_name = 'claims' AND h.record_id = @claimId) OR
       (h.table_name IN ('evidence', 'reviews') AND json_extract(coalesce(h.after_json, h.before_json), '$.claim_id') = @claimId) OR
       h.table_name = '${RECEIVED_RECORDS}'))
     OR (h.document_id IS NULL AND h.table_name = 'claims' AND h.record_id = @claimId)
     ORDER BY h.at DESC, h.seq DESC`
  ).all({ documentId, claimId }) as SourcedRow[];
  const ofClaim = (_seq: number, kind: string, id: string, content: { claimId?: string }) =>
    kind === 'claim' ? id === claimId : kind !== 'mention' && content.claimId === claimId;
  const expanded = rows.flatMap((row) => (isReceivedRecords(row) ? receivedRows(db, row, ofClaim) : [row]));
  if (rows.some(isReceivedRecords)) expanded.sort(newestFirst);
  return expanded.map(toEntry);
}

/** The order of a claim's history: by the time each change was made, then by sequence number. */
const newestFirst = (a: LogRow, b: LogRow) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.seq - a.seq);

/** One page of a document's changes, newest first, older than `beforeSeq` when given. */
export function documentHistory(
  db: Db,
  documentId: string,
  limit: number,
  beforeSeq: number | null
): { entries: HistoryEntry[]; nextBeforeSeq: number | null } {
  const before = beforeSeq ?? Number.MAX_SAFE_INTEGER;
  // A row that stands for many entries is taken when its first one comes before the cursor.
  const stored = statement(
    db,
    `${SOURCED} WHERE h.document_id = @documentId AND h.seq - h.entries < @beforeSeq - 1 ORDER BY h.seq DESC LIMIT @take`
  ).all({ documentId, beforeSeq: before, take: limit + 1 }) as SourcedRow[];
  const rows: SourcedRow[] = [];
  for (const row of stored) {
    const wanted = limit + 1 - rows.length;
    if (wanted <= 0) break;
    if (isReceivedRecords(row)) rows.push(...receivedRows(db, row, (seq) => seq < before, wanted));
    else rows.push(row);
  }
  const page = rows.slice(0, limit);
  return {
    entries: page.map(toEntry),
    nextBeforeSeq: rows.length > limit ? page[page.length - 1]!.seq : null
  };
}

const recordTableList = RECORD_TABLES.map((table) => `'${table}'`).join(', ');

/** A document's changes to record tables in log order, without the groups of one action. */
export function recordHistoryExcept(db: Db, documentId: string, skippedAction: string): ChangeEntry[] {
  return statement(
    db,
    `SELECT group_id, at, user, action, table_name, record_id, before_json, after_json FROM history
     WHERE document_id = ? AND action != ? AND table_name IN (${recordTableList}) ORDER BY seq`
  ).all(documentId, skippedAction) as ChangeEntry[];
}

export const hasHistoryGroup = (db: Db, groupId: string): boolean => !!statement(db, 'SELECT 1 FROM history WHERE group_id = ? LIMIT 1').get(groupId);
