/** Wording shared by the fact-sheet formats, so HTML, Markdown, CSV and PDF say the same thing. */
import type { EvidenceRelation } from '../../shared/domain';
import type { SheetClaim, SheetSource, SheetVerdict } from './fact-sheet';

const RELATION_LABELS: Record<EvidenceRelation, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context'
};

export const relationLabel = (relation: EvidenceRelation) => RELATION_LABELS[relation];

/** "2026-01-01 09:30 UTC" for a stored ISO timestamp; anything else is shown as it is. */
export function formatTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match && iso.endsWith('Z') ? `${match[1]} ${match[2]} UTC` : iso;
}

/** "4 on a scale of 1–5", or null for a label off the numeric scale. */
export function verdictRating(verdict: SheetVerdict): string | null {
  if (verdict.value === null) return null;
  return verdict.worst !== null && verdict.best !== null
    ? `${verdict.value} on a scale of ${verdict.worst}–${verdict.best}`
    : String(verdict.value);
}

/** "Default five-point scale, version 1". */
export const scaleName = (verdict: SheetVerdict) => `${verdict.scaleName}, version ${verdict.scaleVersion}`;

/** The reviewer, or "self-reviewed by …" when the checker approved their own claim. */
export function reviewedBy(claim: SheetClaim): string {
  const reviewer = `${claim.reviewedBy} (key ${claim.reviewerKey})`;
  return claim.selfReviewed ? `self-reviewed by ${reviewer}` : reviewer;
}

/** The source facts that are known, in reading order: publisher, author, published date, file name. */
export function sourceFacts(source: SheetSource): { label: string; value: string }[] {
  const facts = [
    { label: 'Publisher', value: source.publisher },
    { label: 'Author', value: source.author },
    { label: 'Published', value: source.publishedAt },
    { label: 'File', value: source.fileName }
  ];
  return facts.filter((fact): fact is { label: string; value: string } => !!fact.value);
}

/** The lines of a multi-line user text, trimmed, with blank lines dropped. */
export const textLines = (text: string) =>
  text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The start of a text on one line, cut after a whole word near `max` characters, with an ellipsis. */
export function preview(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max + 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : chars.slice(0, max).join('')).replace(/[\s,;:.]+$/, '')}…`;
}
