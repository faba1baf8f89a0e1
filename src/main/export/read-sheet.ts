/**
 * Reads the provenance a fact sheet carries, in any format it was exported in: the document id,
 * the sheet digest, the article's SHA-256 and each included claim's id and fingerprint.
 *   html         <meta name="factdesk:…"> and data-claim-id / data-fingerprint on each claim
 *   md, pdf      the visible Provenance section and each claim's "Claim ID … · Fingerprint …" line
 *   csv          the document_id, sheet_digest, article_sha256, claim_id, claim_fingerprint columns
 *   claimreview  schema.org identifier PropertyValues (factdesk:document-id, …) on each ClaimReview
 * and each claim's signed approval (html data-approval, md reference line, csv column, claimreview identifier,
 * pdf document information entry).
 * The HTML and PDF readers (linkedom, pdf.js) load on first use: most commands never need them.
 */
import type { FactSheetFormat } from '../../shared/api/methods/export';
import { PROVENANCE_IDS } from './claimreview';
import { CLAIM_COLUMNS } from './csv';
import { parseCsv, unguardCell } from './csv-read';
import { META } from './html';
import { APPROVAL_COMMENT } from './markdown';
import { approvalsOf } from './pdf-approvals';

export interface SheetManifest {
  format: FactSheetFormat;
  documentId: string;
  digest: string;
  articleSha256: string | null;
  claims: SheetEntry[];
  /** The sheet's text (a PDF's text layer), to compare what it shows with what was approved. */
  text: string | null;
}

export interface SheetEntry {
  id: string;
  fingerprint: string;
  /** The signed-approval token the sheet carries for the claim; null when it carries none. */
  approval: string | null;
  /** ClaimReview and CSV: the claim's entry as parsed, to compare what it shows. */
  shown?: Record<string, unknown>;
}

/** A file that is not a readable fact sheet; the message says why. */
export class SheetReadError extends Error {}

const HEX64 = /^[0-9a-f]{64}$/;

export async function readSheet(bytes: Uint8Array): Promise<SheetManifest> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 5).toString('latin1') === '%PDF-') {
    const { text, approvals } = await readPdf(bytes);
    return { ...fromVisibleText('pdf', text, approvals), text };
  }
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (/^<(!doctype html|html)[\s>]/i.test(start)) return { ...fromHtml(text, (await import('linkedom')).parseHTML), text };
  if (start.startsWith('[') || start.startsWith('{')) return { ...fromClaimReview(text), text };
  if (start.startsWith(`${CLAIM_COLUMNS[0]},${CLAIM_COLUMNS[1]},`)) return { ...fromCsv(text), text };
  if (/^- \*\*Digest \(SHA-256\):\*\*/m.test(text)) return { ...fromVisibleText('md', text, markdownApprovals(text)), text };
  throw new SheetReadError('it is not a Factdesk fact sheet (no document id and digest found)');
}

async function readPdf(bytes: Uint8Array): Promise<{ text: string; approvals: string[] }> {
  try {
    const { pages, info } = await (await import('./pdf-text')).pdfContent(bytes);
    return { text: pages.join('\n'), approvals: approvalsOf(info) };
  } catch (error) {
    throw new SheetReadError(`its PDF cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

type Read = Omit<SheetManifest, 'text'>;

function complete(manifest: Read): Read {
  if (!manifest.documentId) throw new SheetReadError(`the ${manifest.format} sheet carries no document id`);
  if (!HEX64.test(manifest.digest)) throw new SheetReadError(`the ${manifest.format} sheet carries no valid digest`);
  return manifest;
}

function fromHtml(text: string, parseHTML: typeof import('linkedom').parseHTML): Read {
  const { document } = parseHTML(text);
  const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() ?? '';
  return complete({
    format: 'html',
    documentId: meta(META.documentId),
    digest: meta(META.digest),
    articleSha256: meta(META.articleSha256) || null,
    claims: [...document.querySelectorAll('[data-claim-id]')].map((element) => ({
      id: element.getAttribute('data-claim-id') ?? '',
      fingerprint: element.getAttribute('data-fingerprint') ?? '',
      approval: element.getAttribute('data-approval')
    }))
  });
}

/** The approval tokens of a Markdown sheet's reference lines, in sheet order. */
const markdownApprovals = (text: string) =>
  [...text.matchAll(new RegExp(`^\\[//\\]: # \\(${APPROVAL_COMMENT} ([A-Za-z0-9+/=]+)\\)$`, 'gm'))].map((m) => m[1]!);

/** Markdown and PDF text: the labels of the Provenance section; the last one wins, as it comes after all user text. */
function fromVisibleText(format: 'md' | 'pdf', text: string, approvals: string[]): Read {
  const flat = text.replace(/\s+/g, ' ');
  // Markdown wraps values in code spans (`…`) and labels in **…**; PDF text has neither.
  const value = (label: string, pattern: string) =>
    [...flat.matchAll(new RegExp(`${label}(?::\\*\\*)?\\s*\`*\\s*(${pattern})`, 'g'))].pop()?.[1].replace(/\s/g, '') ?? '';
  const hex = (n: number) => `(?:[0-9a-f]\\s?){${n}}`;
  const claims = [...flat.matchAll(/Claim ID\s*`*\s*(\S+?)\s*`*\s*· Fingerprint\s*`*\s*((?:[0-9a-f]\s?){16})/g)].map((m, i) => ({
    id: m[1]!,
    fingerprint: m[2]!.replace(/\s/g, ''),
    approval: approvals[i] ?? null
  }));
  return complete({
    format,
    documentId: value('Document ID', '[^\\s`]+'),
    digest: value('Digest \\(SHA-256\\)', hex(64)),
    articleSha256: value('Article SHA-256', hex(64)) || null,
    claims
  });
}

function fromCsv(text: string): Read {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new SheetReadError(`its CSV is malformed (${(error as Error).message})`);
  }
  const [header, ...records] = rows;
  const column = (name: string) => header!.indexOf(name);
  const cell = (row: string[], name: string) => unguardCell(row[column(name)] ?? '');
  if (records.length === 0) {
    throw new SheetReadError('the CSV sheet has no claim rows, so it carries no document id and digest (an article without verified claims)');
  }
  return complete({
    format: 'csv',
    ...sameOnEveryRow(records.map((row) => ({
      documentId: cell(row, 'document_id'),
      digest: cell(row, 'sheet_digest'),
      articleSha256: cell(row, 'article_sha256') || null
    }))),
    claims: records.map((row) => ({
      id: cell(row, 'claim_id'),
      fingerprint: cell(row, 'claim_fingerprint'),
      approval: cell(row, 'signed_approval') || null,
      shown: Object.fromEntries(header!.map((name, i) => [name, unguardCell(row[i] ?? '')]))
    }))
  });
}

function fromClaimReview(text: string): Read {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    throw new SheetReadError(`it is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(items)) throw new SheetReadError('a ClaimReview sheet is a JSON array of ClaimReview objects');
  if (items.length === 0) {
    throw new SheetReadError('the ClaimReview sheet is empty, so it carries no document id and digest (an article without verified claims)');
  }
  const identifiers = items.map((item) => {
    const list = (item as { identifier?: unknown })?.identifier;
    const values = new Map<string, string>();
    if (Array.isArray(list)) {
      for (const entry of list as { propertyID?: unknown; value?: unknown }[]) {
        if (typeof entry?.propertyID === 'string' && typeof entry.value === 'string') values.set(entry.propertyID, entry.value);
      }
    }
    return values;
  });
  return complete({
    format: 'claimreview',
    ...sameOnEveryRow(identifiers.map((values) => ({
      documentId: values.get(PROVENANCE_IDS.documentId) ?? '',
      digest: values.get(PROVENANCE_IDS.digest) ?? '',
      articleSha256: values.get(PROVENANCE_IDS.articleSha256) ?? null
    }))),
    claims: identifiers.map((values, i) => ({
      id: values.get(PROVENANCE_IDS.claimId) ?? '',
      fingerprint: values.get(PROVENANCE_IDS.fingerprint) ?? '',
      approval: values.get(PROVENANCE_IDS.approval) ?? null,
      shown: items[i] as Record<string, unknown>
    }))
  });
}

type SheetWide = Pick<SheetManifest, 'documentId' | 'digest' | 'articleSha256'>;

/** CSV rows and ClaimReview items each repeat the sheet-wide provenance; they must agree. */
function sameOnEveryRow(rows: SheetWide[]): SheetWide {
  const first = rows[0]!;
  const other = rows.findIndex((r) => r.documentId !== first.documentId || r.digest !== first.digest || r.articleSha256 !== first.articleSha256);
  if (other !== -1) throw new SheetReadError(`its entries disagree about the document or digest (entry ${other + 1} differs from entry 1)`);
  return first;
}
