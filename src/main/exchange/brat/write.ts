/**
 * brat standoff export (https://brat.nlplab.org/standoff.html): the article as .txt and its
 * annotations as .ann. Offsets count Unicode code points, as brat (Python) does. Accepted mentions
 * become text-bound annotations typed by their label key; claims the type "Claim", with status,
 * verdict and wording in an AnnotatorNotes line; entity links are N (normalization) lines: the
 * entity's Factdesk id and each external id (e.g. Wikidata:Q42); restorations of masked mentions
 * are notes. A span across line breaks is written as fragments, one per line, as brat requires.
 */
import type { BratExport } from '../../../shared/api/methods/exchange';
import { CodePointIndex } from '../../../shared/anchoring/code-points';
import type { ArticleDocument, Claim, Entity, Mention } from '../../../shared/domain';
import { writeNote } from './notes';

export const CLAIM_TYPE = 'Claim';
/** The normalization database name of Factdesk entity ids. */
export const FACTDESK_DB = 'Factdesk';

type Annotated = { kind: 'mention'; record: Mention } | { kind: 'claim'; record: Claim };

export function writeBrat(document: ArticleDocument, mentions: Mention[], claims: Claim[], entities: Map<string, Entity>, baseName: string): BratExport {
  const text = document.text;
  const index = new CodePointIndex(text);
  const warnings: string[] = [];
  const lines: string[] = [];
  let notes = 0;
  let norms = 0;
  const annotated: Annotated[] = [
    ...mentions.filter((m) => m.status === 'accepted').map((record) => ({ kind: 'mention' as const, record })),
    ...claims.map((record) => ({ kind: 'claim' as const, record }))
  ].sort((a, b) => a.record.start - b.record.start || b.record.end - a.record.end);

  let spans = 0;
  for (const { kind, record } of annotated) {
    const fragments = lineFragments(text, record.start, record.end);
    if (fragments.length === 0) {
      warnings.push(`The ${kind} at ${record.start}–${record.end} covers only line breaks, which brat cannot mark.`);
      continue;
    }
    const tid = `T${(spans += 1)}`;
    const type = kind === 'claim' ? CLAIM_TYPE : record.type.replace(/\s+/g, '_');
    const offsets = fragments.map(([s, e]) => `${index.toCodePoints(s)} ${index.toCodePoints(e)}`).join(';');
    lines.push(`${tid}\t${type} ${offsets}\t${fragments.map(([s, e]) => text.slice(s, e)).join(' ')}`);
    if (kind === 'mention') {
      const mention = record;
      const entity = mention.entityId ? entities.get(mention.entityId) : undefined;
      if (entity) {
        const name = oneLine(entity.name);
        lines.push(`N${(norms += 1)}\tReference ${tid} ${FACTDESK_DB}:${entity.id}\t${name}`);
        for (const [db, id] of Object.entries(entity.externalIds)) {
          if (/[\s:]/.test(db) || /\s/.test(id) || !id) {
            warnings.push(`The external id ${db}: ${id} of "${entity.name}" cannot be written as a brat reference (spaces or colons).`);
            continue;
          }
          lines.push(`N${(norms += 1)}\tReference ${tid} ${db}:${id}\t${name}`);
        }
      }
      if (mention.masked && mention.restoration) {
        lines.push(`#${(notes += 1)}\tAnnotatorNotes ${tid}\t${writeNote({ restoration: mention.restoration })}`);
      }
    } else {
      const claim = record;
      const note = writeNote({
        status: claim.status,
        verdict: claim.verdict?.label,
        scale: claim.verdict ? `${claim.verdict.scaleId}@${claim.verdict.scaleVersion}` : undefined,
        text: claim.text,
        explanation: claim.explanation
      });
      lines.push(`#${(notes += 1)}\tAnnotatorNotes ${tid}\t${note}`);
    }
  }

  return {
    files: [
      { fileName: `${baseName}.txt`, mediaType: 'text/plain; charset=utf-8', content: text },
      { fileName: `${baseName}.ann`, mediaType: 'text/plain; charset=utf-8', content: lines.length ? `${lines.join('\n')}\n` : '' }
    ],
    warnings
  };
}

/** The span cut at line breaks: brat annotation lines cannot contain them. */
function lineFragments(text: string, start: number, end: number): [number, number][] {
  const fragments: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i += 1) {
    if (i === end || text[i] === '\n') {
      if (i > from) fragments.push([from, i]);
      from = i + 1;
    }
  }
  return fragments;
}

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
