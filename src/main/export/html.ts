/**
 * The fact sheet as one self-contained HTML file: inline CSS (screen and print), no script, no
 * remote resource (a Content-Security-Policy says so too). Every user-supplied string is
 * escaped, in text and in attributes; only http(s) URLs become links.
 */
import type { FactSheet, SheetClaim, SheetEvidence, VerdictCount } from './fact-sheet';
import { type VerdictRange, numericRange, verdictColor, verdictStep } from '../../shared/verdict-colors';
import { SHEET_CSS } from './html-style';
import { httpUrl } from './links';
import { approvalToken } from './signed-approval';
import {
  formatTimestamp,
  relationLabel,
  reviewedBy,
  scaleName,
  sourceFacts,
  textLines,
  verdictRating
} from './sheet-text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for double-quoted attribute values alike. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([char, entity]) => [entity, char]));
const ESCAPED = new RegExp(Object.values(ESCAPES).join('|'), 'g');

/** Undoes escapeHtml (only the entities it writes: for the sheet's own HTML). */
export const unescapeHtml = (html: string) => html.replace(ESCAPED, (entity) => UNESCAPES[entity]!);

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Meta names that carry the sheet's provenance (read back by verify-sheet). */
export const META = {
  documentId: 'factdesk:document-id',
  digest: 'factdesk:digest',
  articleSha256: 'factdesk:article-sha256'
} as const;

export function renderHtml(sheet: FactSheet): string {
  const { document } = sheet;
  const meta = (name: string, content: string) => `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${meta('generator', `Factdesk ${sheet.appVersion}`)}
${meta(META.documentId, document.id)}
${meta(META.digest, sheet.digest)}
${meta(META.articleSha256, document.articleSha256)}
<title>${escapeHtml(`Fact sheet: ${document.title}`)}</title>
<style>${SHEET_CSS}</style>
</head>
<body>
<main class="sheet">
${header(sheet)}
${summary(sheet)}
${claimsSection(sheet.claims)}
${notes(sheet)}
${provenance(sheet)}
</main>
</body>
</html>
`;
}

function header(sheet: FactSheet): string {
  return `<header class="sheet-header">
<p class="eyebrow">${escapeHtml(sheet.organisation ? `${sheet.organisation} · Fact sheet` : 'Fact sheet')}</p>
${articleHeading(sheet.document)}
</header>`;
}

/** The article's title and source as the sheet shows them (the digest covers them; verify-sheet looks for them). */
export function articleHeading({ title, source }: Pick<FactSheet['document'], 'title' | 'source'>): string {
  const url = source.url ? link(source.url, source.url) : null;
  const facts = [
    ...(url ? [{ label: 'Article', html: url }] : []),
    ...sourceFacts(source).map((fact) => ({ label: fact.label, html: escapeHtml(fact.value) }))
  ];
  return `<h1 dir="auto">${escapeHtml(title)}</h1>
<dl class="source">
${facts.map((fact) => `<div><dt>${fact.label}</dt><dd dir="auto">${fact.html}</dd></div>`).join('\n')}
</dl>`;
}

/** The sheet's claims section: every approved claim in order, and nothing else (verify-sheet looks for it whole). */
export function claimsSection(claims: SheetClaim[]): string {
  return `<section class="claims" aria-labelledby="claims-heading">
<h2 id="claims-heading">Verified claims</h2>
${claims.length ? claims.map((claim, i) => claimArticle(claim, i + 1)).join('\n') : '<p class="empty">No claim of this article has been verified yet.</p>'}
</section>`;
}

function summary(sheet: FactSheet): string {
  return `<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<ul class="counts">
${verifiedCount(sheet)}
<li><strong>${sheet.leftOut.count}</strong> left out</li>
${evidenceCount(sheet)}
</ul>
<p class="left-out">${escapeHtml(sheet.leftOut.note)} Only claims a reviewer approved appear on this sheet.</p>
<h3>Verdict distribution</h3>
${distributionTable(sheet.distribution)}
</section>`;
}

/** The summary's figures that follow from the approved claims alone (verify-sheet looks for them). */
export const verifiedCount = ({ claims }: Pick<FactSheet, 'claims'>) =>
  `<li><strong>${claims.length}</strong> verified ${claims.length === 1 ? 'claim' : 'claims'}</li>`;
export const evidenceCount = (sheet: Pick<FactSheet, 'evidenceCount'>) =>
  `<li><strong>${sheet.evidenceCount}</strong> evidence ${sheet.evidenceCount === 1 ? 'item' : 'items'}</li>`;

export function distributionTable(rows: VerdictCount[]): string {
  if (rows.length === 0) return '<p class="empty">No verdicts yet.</p>';
  const max = Math.max(1, ...rows.map((row) => row.count));
  const range = numericRange(rows.map((row) => row.value));
  const body = rows
    .map((row) => {
      const width = Math.round((row.count / max) * 10000) / 100;
      return `<tr><th scope="row" dir="auto">${escapeHtml(row.label)}</th><td class="count">${row.count}</td><td><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${width}" height="10" fill="${verdictColor(row.value, range)}"/></svg></td></tr>`;
    })
    .join('\n');
  return `<table class="distribution">
<thead><tr><th scope="col">Verdict</th><th scope="col" class="count">Claims</th><th scope="col"><span class="meta">Share</span></th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

/** One claim as the HTML sheet shows it; verify-sheet renders it again from the signed approval. */
export function claimArticle(claim: SheetClaim, number: number): string {
  const verdict = claim.verdict;
  const rating = verdict ? verdictRating(verdict) : null;
  const colorClass = verdictClass(verdict?.value ?? null, verdict && numericRange([verdict.worst, verdict.best]));
  const facts = [
    { label: 'Claimant', html: claim.claimant ? escapeHtml(claim.claimant.name) : '<span class="empty">not recorded</span>' },
    { label: 'Claim date', html: claim.claimDate ? escapeHtml(claim.claimDate) : '<span class="empty">not recorded</span>' },
    { label: 'Checked by', html: escapeHtml(claim.checkedBy) },
    { label: 'Reviewed by', html: escapeHtml(`${reviewedBy(claim)}${claim.verifiedAt ? `, ${claim.verifiedAt.slice(0, 10)}` : ''}`) },
    ...(verdict ? [{ label: 'Verdict scale', html: escapeHtml(scaleName(verdict)) }] : [])
  ];
  return `<article class="claim ${colorClass}" id="claim-${escapeHtml(claim.id)}" data-claim-id="${escapeHtml(claim.id)}" data-fingerprint="${claim.fingerprint}" data-approval="${approvalToken(claim.approval)}">
<header>
<p class="claim-number">Claim ${number}</p>
<h3 dir="auto">${escapeHtml(claim.text)}</h3>
<p class="verdict">${verdict ? `${escapeHtml(verdict.label)}${rating ? ` <span class="rating">· ${escapeHtml(rating)}</span>` : ''}` : 'No verdict'}</p>
</header>
<blockquote dir="auto">${claim.quote.map((part) => (part.kind === 'restored' ? `<mark class="restored" title="Restored name of a masked mention">${escapeHtml(part.text)}</mark>` : escapeHtml(part.text))).join('')}</blockquote>
<dl class="facts">
${facts.map((fact) => `<div><dt>${fact.label}</dt><dd dir="auto">${fact.html}</dd></div>`).join('\n')}
</dl>
<h4>Explanation</h4>
${paragraphs(claim.explanation, 'No explanation given.')}
<h4>Evidence</h4>
${claim.evidence.length ? `<ol class="evidence">\n${claim.evidence.map(evidenceItem).join('\n')}\n</ol>` : '<p class="empty">No evidence listed.</p>'}
</article>`;
}

function evidenceItem(item: SheetEvidence): string {
  const title = item.title.trim() || item.url.trim() || 'Untitled source';
  const titleHtml = link(item.url, title);
  const details = [
    item.publisher && `<span dir="auto">${escapeHtml(item.publisher)}</span>`,
    item.accessedAt && `accessed ${escapeHtml(item.accessedAt)}`,
    item.archivedUrl.trim() && `archived copy: ${link(item.archivedUrl, 'archive')}`
  ].filter(Boolean);
  const excerpt = textLines(item.excerpt).map(escapeHtml).join('<br>');
  return `<li><span class="relation relation-${item.relation}">${relationLabel(item.relation)}</span> <cite dir="auto">${titleHtml}</cite>${details.length ? `<br><span class="meta">${details.join(' · ')}</span>` : ''}${excerpt ? `\n<blockquote dir="auto">${excerpt}</blockquote>` : ''}</li>`;
}

/** A link when the URL is http(s); otherwise the text, and the URL shown as plain text when it differs. */
function link(url: string, text: string): string {
  const href = httpUrl(url);
  if (href) return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
  return text === url ? `<span class="url">${escapeHtml(url)}</span>` : `${escapeHtml(text)} <span class="url">(${escapeHtml(url.trim())})</span>`;
}

function paragraphs(text: string, empty: string): string {
  const lines = textLines(text);
  return lines.length ? lines.map((line) => `<p dir="auto">${escapeHtml(line)}</p>`).join('\n') : `<p class="empty">${empty}</p>`;
}

/** Methodology and corrections, each only when the desk has written one. */
function notes(sheet: FactSheet): string {
  const sections = [
    { heading: 'Methodology', text: sheet.methodology },
    { heading: 'Corrections', text: sheet.corrections }
  ].filter((section) => textLines(section.text).length > 0);
  if (sections.length === 0) return '';
  return `<section class="notes">
${sections.map((section) => `<h2>${section.heading}</h2>\n${paragraphs(section.text, '')}`).join('\n')}
</section>`;
}

function provenance(sheet: FactSheet): string {
  return `<footer class="provenance" aria-labelledby="provenance-heading">
<h2 id="provenance-heading">Provenance</h2>
<dl>
<div><dt>Generated</dt><dd>${escapeHtml(`${formatTimestamp(sheet.generatedAt)} by Factdesk ${sheet.appVersion}`)}</dd></div>
<div><dt>Document ID</dt><dd><code>${escapeHtml(sheet.document.id)}</code></dd></div>
<div><dt>Article SHA-256</dt><dd><code>${escapeHtml(sheet.document.articleSha256)}</code></dd></div>
<div><dt>Digest (SHA-256)</dt><dd><code>${sheet.digest}</code></dd></div>
</dl>
${sheet.claims.length ? `<ol class="records">\n${sheet.claims.map(claimRecord).join('\n')}\n</ol>` : ''}
<p>The digest covers the article text and every record shown on this sheet, so any change to them can be detected. Each claim carries its reviewer's signed approval of exactly what is shown.</p>
</footer>`;
}

function claimRecord(claim: SheetClaim): string {
  const verified = claim.verifiedAt ? ` · verified ${escapeHtml(formatTimestamp(claim.verifiedAt))}` : '';
  return `<li>Claim ID <code>${escapeHtml(claim.id)}</code> · Fingerprint <code>${claim.fingerprint}</code> · created ${escapeHtml(formatTimestamp(claim.createdAt))}${verified}</li>`;
}

function verdictClass(value: number | null, range: VerdictRange): string {
  const step = verdictStep(value, range);
  return step === null ? 'verdict-off-scale' : `verdict-step-${step}`;
}
