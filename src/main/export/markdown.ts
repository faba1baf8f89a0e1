/**
 * The fact sheet as Markdown (CommonMark + GFM tables). User strings are escaped so they stay
 * text: inline markup characters everywhere, block markers at the start of a line, and only
 * http(s) URLs become links.
 */
import type { FactSheet, SheetClaim, SheetEvidence, VerdictCount } from './fact-sheet';
import { httpUrl } from './links';
import { approvalToken } from './signed-approval';
import { formatTimestamp, relationLabel, reviewedBy, scaleName, sourceFacts, textLines, verdictRating } from './sheet-text';

/** Escapes user text inside a line: every inline markup character, and `&` so no entity forms. */
export const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|~&#!$]/g, '\\$&');

/** Escapes user text that starts a line: inline characters, plus list, heading-underline and ordered-list markers. */
export function escapeMarkdown(line: string): string {
  return escapeInline(line)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Multi-line user text: lines escaped and joined by hard line breaks, continuation lines indented. */
function mdText(text: string, indent = ''): string {
  return textLines(text).map(escapeMarkdown).join(`\\\n${indent}`);
}

/** One line of user text (headings, table cells, list items). */
const mdLine = (text: string) => escapeInline(text.replace(/\s+/g, ' ').trim());

/** A code span that no backtick inside can close early. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ` ${text} ` : text}${fence}`;
}

/** A link when the URL is http(s), otherwise the escaped text (and the URL as plain text). */
function mdLink(url: string, text: string): string {
  const href = httpUrl(url);
  if (href) return `[${mdLine(text)}](<${href.replace(/[\\<>]/g, encodeURIComponent)}>)`;
  const plain = url.trim();
  return text === url ? mdLine(plain) : `${mdLine(text)} (${mdLine(plain)})`;
}

/** Marks the (invisible) line that carries a claim's signed approval. */
export const APPROVAL_COMMENT = 'factdesk:signed-approval';

export function renderMarkdown(sheet: FactSheet): string {
  const { document } = sheet;
  const out: string[] = [];
  out.push(titleLine(document), '');
  if (sheet.organisation) out.push(`*${mdLine(sheet.organisation)}*`, '');
  out.push(...sourceLines(document));
  out.push(`- **Generated:** ${formatTimestamp(sheet.generatedAt)}`, '');

  out.push('## Summary', '');
  out.push(verifiedCountLine(sheet));
  out.push(`- **Left out:** ${mdLine(sheet.leftOut.note)}`);
  out.push(evidenceCountLine(sheet), '');
  out.push('Only claims a reviewer approved appear on this sheet.', '');
  out.push(...distributionLines(sheet.distribution));
  out.push(...claimsLines(sheet.claims));

  // Methodology and corrections only when the desk has written one.
  if (mdText(sheet.methodology)) out.push('## Methodology', '', mdText(sheet.methodology), '');
  if (mdText(sheet.corrections)) out.push('## Corrections', '', mdText(sheet.corrections), '');

  out.push('## Provenance', '');
  out.push(`- **Generated:** ${formatTimestamp(sheet.generatedAt)} by Factdesk ${mdLine(sheet.appVersion)}`);
  out.push(`- **Document ID:** ${codeSpan(document.id)}`);
  out.push(`- **Article SHA-256:** ${codeSpan(document.articleSha256)}`);
  out.push(`- **Digest (SHA-256):** ${codeSpan(sheet.digest)}`);
  sheet.claims.forEach((claim, i) => {
    const verified = claim.verifiedAt ? `; verified ${formatTimestamp(claim.verifiedAt)}` : '';
    out.push(
      `- **Claim ${i + 1}:** Claim ID ${codeSpan(claim.id)} · Fingerprint ${codeSpan(claim.fingerprint)}; created ${formatTimestamp(claim.createdAt)}${verified}`
    );
  });
  out.push('', "The digest covers the article text and every record shown on this sheet, so any change to them can be detected. Each claim carries its reviewer's signed approval of exactly what is shown.");
  return `${out.join('\n')}\n`;
}

// The parts the digest covers, or that follow from the approved claims alone: verify-sheet looks for each.

export const titleLine = (document: Pick<FactSheet['document'], 'title'>) => `# Fact sheet: ${mdLine(document.title)}`;

export function sourceLines({ source }: Pick<FactSheet['document'], 'source'>): string[] {
  return [
    ...(source.url ? [`- **Article:** ${mdLink(source.url, source.url)}`] : []),
    ...sourceFacts(source).map((fact) => `- **${fact.label}:** ${mdLine(fact.value)}`)
  ];
}

export const verifiedCountLine = ({ claims }: Pick<FactSheet, 'claims'>) => `- **Verified claims:** ${claims.length}`;
export const evidenceCountLine = (sheet: Pick<FactSheet, 'evidenceCount'>) => `- **Evidence items:** ${sheet.evidenceCount}`;

export function distributionLines(rows: VerdictCount[]): string[] {
  if (rows.length === 0) return ['### Verdict distribution', '', 'No verdicts yet.', ''];
  const max = Math.max(1, ...rows.map((row) => row.count));
  return [
    '### Verdict distribution',
    '',
    '| Verdict | Claims | Share |',
    '| --- | ---: | --- |',
    ...rows.map((row) => `| ${mdLine(row.label)} | ${row.count} | ${'█'.repeat(Math.round((row.count / max) * 20))} |`),
    ''
  ];
}

/** The claims section: every approved claim in order, and nothing else. */
export function claimsLines(claims: SheetClaim[]): string[] {
  const lines = ['## Verified claims', ''];
  if (claims.length === 0) lines.push('No claim of this article has been verified yet.', '');
  claims.forEach((claim, i) => lines.push(...claimSection(claim, i + 1), ''));
  return lines;
}

/** One claim as the Markdown sheet shows it; verify-sheet renders it again from the signed approval. */
export function claimSection(claim: SheetClaim, number: number): string[] {
  const verdict = claim.verdict;
  const rating = verdict ? verdictRating(verdict) : null;
  const lines = [
    `### ${number}. ${mdLine(claim.text)}`,
    '',
    `> ${claim.quote.map((part, i) => (i === 0 ? escapeMarkdown : escapeInline)(part.text)).join('')}`,
    '',
    `- **Verdict:** ${verdict ? `${mdLine(verdict.label)}${rating ? ` (${rating})` : ''} — ${mdLine(scaleName(verdict))}` : 'No verdict'}`,
    `- **Claimant:** ${claim.claimant ? mdLine(claim.claimant.name) : '*not recorded*'}`,
    `- **Claim date:** ${claim.claimDate ? mdLine(claim.claimDate) : '*not recorded*'}`,
    `- **Explanation:** ${mdText(claim.explanation, '  ') || '*No explanation given.*'}`,
    `- **Checked by:** ${mdLine(claim.checkedBy)}`,
    `- **Reviewed by:** ${mdLine(reviewedBy(claim))}${claim.verifiedAt ? `, ${claim.verifiedAt.slice(0, 10)}` : ''}`
  ];
  if (claim.evidence.length === 0) lines.push('- **Evidence:** *none listed*');
  else {
    lines.push('- **Evidence:**');
    claim.evidence.forEach((item, i) => lines.push(...evidenceLines(item, i + 1)));
  }
  // A link reference definition nobody links to: Markdown renders nothing for it, and it needs no raw HTML.
  lines.push('', `[//]: # (${APPROVAL_COMMENT} ${approvalToken(claim.approval)})`);
  return lines;
}

function evidenceLines(item: SheetEvidence, number: number): string[] {
  const title = item.title.trim() || item.url.trim() || 'Untitled source';
  const details = [
    item.publisher && mdLine(item.publisher),
    item.accessedAt && `accessed ${mdLine(item.accessedAt)}`,
    item.archivedUrl.trim() && `archived copy: ${mdLink(item.archivedUrl, 'archive')}`
  ].filter(Boolean);
  const marker = `  ${number}. `;
  const indent = ' '.repeat(marker.length);
  const lines = [`${marker}**${relationLabel(item.relation)}:** ${mdLink(item.url, title)}${details.length ? ` — ${details.join(' · ')}` : ''}`];
  const excerpt = textLines(item.excerpt);
  if (excerpt.length) lines.push(`${indent}> ${excerpt.map(escapeMarkdown).join(`\\\n${indent}> `)}`);
  return lines;
}
