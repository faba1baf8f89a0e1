/**
 * The fact sheet as CSV (RFC 4180): a header row, then one row per verified claim; CRLF line
 * ends; a field is quoted when it holds a comma, quote, CR or LF, and its quotes are doubled.
 * Cells a spreadsheet would read as a formula (starting with =, +, -, @ after any spaces, or with
 * a tab, CR or LF) get a leading single quote. Every row carries the document id and sheet digest
 * (document_id, sheet_digest), so the file can be verified on its own.
 */
import type { FactSheet, SheetClaim, SheetEvidence } from './fact-sheet';
import { quoteText } from './quote';
import { relationLabel, reviewedBy } from './sheet-text';
import { approvalToken } from './signed-approval';

export const CSV_COLUMNS = [
  'document_id',
  'sheet_digest',
  'article_sha256',
  'claim_id',
  'claim_fingerprint',
  'claim',
  'article_quote',
  'claimant',
  'claimant_type',
  'claim_date',
  'verdict',
  'verdict_value',
  'verdict_scale',
  'verdict_scale_version',
  'explanation',
  'evidence_count',
  'evidence',
  'checked_by',
  'reviewed_by',
  'self_reviewed',
  'created_at',
  'verified_at',
  'article_title',
  'article_url',
  'signed_approval'
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** Neutralises a formula-looking cell (spreadsheets skip leading spaces), then quotes the field when RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = /^[\t\r\n]|^ *[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`;

export function renderCsv(sheet: FactSheet): string {
  const rows = sheet.claims.map((claim) => {
    const cells = row(sheet, claim);
    return line(CSV_COLUMNS.map((column) => cells[column]));
  });
  return line(CSV_COLUMNS) + rows.join('');
}

function row(sheet: FactSheet, claim: SheetClaim): Record<Column, string> {
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

/** One claim's CSV cells; verify-sheet builds them again from the signed approval. */
export function claimCells(claim: SheetClaim): Record<ClaimColumn, string> {
  const verdict = claim.verdict;
  return {
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
    evidence: claim.evidence.map(evidenceText).join('\n'),
    checked_by: claim.checkedBy,
    reviewed_by: reviewedBy(claim),
    self_reviewed: claim.selfReviewed ? 'yes' : 'no',
    created_at: claim.createdAt,
    verified_at: claim.verifiedAt,
    signed_approval: approvalToken(claim.approval)
  };
}

/** One evidence item on one line of the evidence cell: "Supports: Title <URL> (publisher; accessed …; archived: …) “excerpt”". */
function evidenceText(item: SheetEvidence, index: number): string {
  const details = [
    item.publisher,
    item.accessedAt && `accessed ${item.accessedAt}`,
    item.archivedUrl && `archived: ${item.archivedUrl}`
  ].filter(Boolean);
  const parts = [
    `${index + 1}. ${relationLabel(item.relation)}: ${item.title || item.url || 'Untitled source'}`,
    item.url && item.title ? `<${item.url}>` : '',
    details.length ? `(${details.join('; ')})` : '',
    item.excerpt ? `“${item.excerpt.replace(/\s+/g, ' ').trim()}”` : ''
  ];
  return parts.filter(Boolean).join(' ').replace(/[\r\n]+/g, ' ');
}
