/**
 * The fact sheet as CSV (RFC 4180) for spreadsheets: a UTF-8 byte order mark (so spreadsheet apps
 * read it as UTF-8), a header row, then one row per verified claim; CRLF line ends; a field is
 * quoted when it holds a comma, quote, CR or LF, and its quotes are doubled. Cells a spreadsheet
 * would read as a formula (starting with =, +, -, @, tab or CR) get a leading single quote.
 * What a reader wants comes first, then each evidence item in its own group of columns
 * (evidence_1_relation, evidence_1_title, …), then the provenance: every row carries the
 * document id and sheet digest (document_id, sheet_digest), so the file can be verified on its own.
 */
import type { FactSheet, SheetClaim, SheetEvidence } from './fact-sheet';
import { quoteText } from './quote';
import { relationLabel, reviewedBy } from './sheet-text';
import { approvalToken } from './signed-approval';

const BOM = '\uFEFF';

/** The reader's columns, in order. */
export const CLAIM_COLUMNS = [
  'claim',
  'verdict',
  'claimant',
  'claim_date',
  'explanation',
  'article_quote',
  'checked_by',
  'reviewed_by',
  'verified_at',
  'article_title',
  'article_url',
  'evidence_count'
] as const;

/** The columns of one evidence item, each prefixed with evidence_N_. */
const EVIDENCE_COLUMNS = ['relation', 'title', 'url', 'archived_url', 'publisher', 'accessed', 'excerpt'] as const;

/** Details and provenance, after the evidence. */
export const PROVENANCE_COLUMNS = [
  'claimant_type',
  'verdict_value',
  'verdict_scale',
  'verdict_scale_version',
  'self_reviewed',
  'created_at',
  'document_id',
  'sheet_digest',
  'article_sha256',
  'claim_id',
  'claim_fingerprint',
  'signed_approval'
] as const;

type Column = (typeof CLAIM_COLUMNS)[number] | (typeof PROVENANCE_COLUMNS)[number];

/** Every column of a sheet whose claims have at most `evidenceGroups` evidence items. */
export function csvColumns(evidenceGroups: number): string[] {
  const evidence = Array.from({ length: evidenceGroups }, (_, i) => EVIDENCE_COLUMNS.map((name) => `evidence_${i + 1}_${name}`));
  return [...CLAIM_COLUMNS, ...evidence.flat(), ...PROVENANCE_COLUMNS];
}

/** Neutralises a formula-looking cell (spreadsheets skip leading spaces), then quotes the field when RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = /^[\t\r\n]|^ *[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`;

export function renderCsv(sheet: FactSheet): string {
  const groups = Math.max(0, ...sheet.claims.map((claim) => claim.evidence.length));
  const columns = csvColumns(groups);
  const rows = sheet.claims.map((claim) => {
    const cells: Record<string, string> = row(sheet, claim);
    return line(columns.map((column) => cells[column] ?? ''));
  });
  return BOM + line(columns) + rows.join('');
}

function row(sheet: FactSheet, claim: SheetClaim): Record<string, string> {
  return {
    document_id: sheet.document.id,
    sheet_digest: sheet.digest,
    article_sha256: sheet.document.articleSha256,
    article_title: sheet.document.title,
    article_url: sheet.document.source.url ?? '',
    ...claimCells(claim)
  };
}

/** The columns that show one claim rather than the sheet. */
type ClaimColumn = Exclude<Column, 'document_id' | 'sheet_digest' | 'article_sha256' | 'article_title' | 'article_url'>;

/** One claim's CSV cells, its evidence columns included; verify-sheet builds them again from the signed approval. */
export function claimCells(claim: SheetClaim): Record<string, string> {
  const verdict = claim.verdict;
  const cells: Record<ClaimColumn, string> = {
    claim_id: claim.id,
    claim_fingerprint: claim.fingerprint,
    claim: claim.text,
    article_quote: quoteText(claim.quote),
    claimant: claim.claimant?.name ?? '',
    claimant_type: claim.claimant?.type ?? '',
    claim_date: claim.claimDate ?? '',
    verdict: verdict?.label ?? '',
    verdict_value: verdict?.value?.toString() ?? '',
    verdict_scale: verdict?.scaleName ?? '',
    verdict_scale_version: verdict?.scaleVersion.toString() ?? '',
    explanation: claim.explanation,
    evidence_count: String(claim.evidence.length),
    checked_by: claim.checkedBy,
    reviewed_by: reviewedBy(claim),
    self_reviewed: claim.selfReviewed ? 'yes' : 'no',
    created_at: claim.createdAt,
    verified_at: claim.verifiedAt,
    signed_approval: approvalToken(claim.approval)
  };
  claim.evidence.forEach((item, i) => {
    evidenceCells(item).forEach((value, j) => (cells[`evidence_${i + 1}_${EVIDENCE_COLUMNS[j]}` as ClaimColumn] = value));
  });
  return cells;
}

/** One evidence item's cells, in the order of EVIDENCE_COLUMNS. */
function evidenceCells(item: SheetEvidence): string[] {
  return [relationLabel(item.relation), item.title, item.url, item.archivedUrl, item.publisher, item.accessedAt, item.excerpt];
}
