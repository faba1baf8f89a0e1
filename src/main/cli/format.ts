/** Plain-text output of the CLI: tab-separated records, gap context lines, the `show` summary. */
import type { DocumentView } from '../../shared/api/contract';
import type { Gap } from '../../shared/domain';
import type { CliOutput } from './command';

/** The `--json` flag of the commands that print records. */
export const JSON_FLAG = { type: 'boolean', description: 'print JSON instead of text' } as const;

/** Records as indented JSON (`--json`), else one line each. */
export function printRecords<T>(io: CliOutput, records: T[], json: unknown, line: (record: T) => string): void {
  if (json) io.json(records);
  else for (const record of records) io.out(line(record));
}

/** Characters of context shown on each side of a gap. */
const GAP_CONTEXT = 30;

/** One tab-separated line; tabs and line breaks inside a field become spaces so each record stays one line. */
export function tsvLine(fields: Array<string | number>): string {
  return fields.map((field) => String(field).replace(/[\t\r\n\u2028\u2029]+/g, ' ')).join('\t');
}

/** `START<TAB>END<TAB>…context[   ]context…`: the gap's spaces are kept, bracketed so they show. */
export function gapLine(text: string, gap: Gap): string {
  const from = safeBoundary(text, Math.max(0, gap.start - GAP_CONTEXT));
  const to = safeBoundary(text, Math.min(text.length, gap.end + GAP_CONTEXT));
  const before = (from > 0 ? '…' : '') + text.slice(from, gap.start);
  const after = text.slice(gap.end, to) + (to < text.length ? '…' : '');
  return tsvLine([gap.start, gap.end, `${before}[${text.slice(gap.start, gap.end)}]${after}`]);
}

/** Moves an offset off the middle of a surrogate pair, so context never shows half an emoji. */
function safeBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 ? offset - 1 : offset;
}

/** The human-readable `show` output. */
export function documentSummary(view: DocumentView): string {
  const { document: doc, mentions, claims, entities, gaps } = view;
  const source = [doc.source.fileName, doc.source.publisher, doc.source.author, doc.source.publishedAt, doc.source.url]
    .filter(Boolean)
    .join(' · ');
  const verified = claims.filter((claim) => claim.status === 'verified').length;
  const lines = [
    doc.title,
    '',
    `  ID         ${doc.id}`,
    `  Source     ${source}`,
    `  Format     ${doc.format}, ${doc.text.length} characters, ${doc.blocks.length} blocks`,
    `  Imported   ${doc.importedAt}`,
    `  SHA-256    ${doc.sha256}`,
    `  Mentions   ${mentions.length} (${mentions.filter((mention) => mention.masked).length} masked)`,
    `  Gaps       ${gaps.length}`,
    `  Entities   ${entities.length}`,
    `  Claims     ${claims.length} (${verified} verified)`
  ];
  if (entities.length > 0) {
    lines.push('', 'Entities');
    for (const entity of entities) {
      const count = mentions.filter((mention) => mention.entityId === entity.id).length;
      lines.push(`  ${entity.type}: ${entity.name} (${count} ${count === 1 ? 'mention' : 'mentions'})`);
    }
  }
  if (claims.length > 0) {
    lines.push('', 'Claims');
    for (const claim of claims) {
      const verdict = claim.verdict ? `, ${claim.verdict.label}` : '';
      lines.push(`  [${claim.status}${verdict}] ${oneLine(claim.text || claim.exact)}`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
