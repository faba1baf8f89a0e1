/**
 * The signed approvals a PDF fact sheet carries: one custom entry of the PDF's document information
 * (/FactdeskApprovals), the claims' approval tokens in sheet order, separated by spaces. It is added
 * as an incremental update after printing, so the printed bytes stay as any printer made them; the
 * update copies the printer's own information entries (title, producer, dates) into the new one.
 */
const APPROVALS_KEY = 'FactdeskApprovals';

/** Thrown when a printed file lacks the trailer an incremental update builds on. */
export class PdfLayoutError extends Error {}

const lastMatch = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].pop();

/** The dictionary body (between << and >>) of object `number`, or '' when it is not found. */
function objectDictionary(text: string, number: string, generation: string): string {
  const start = text.lastIndexOf(`\n${number} ${generation} obj`);
  if (start === -1) return '';
  const open = text.indexOf('<<', start);
  const end = text.indexOf('>>\nendobj', open);
  return open === -1 || end === -1 ? '' : text.slice(open + 2, end);
}

/** The PDF with `tokens` as its document information's approvals entry (a later update wins over an earlier one). */
export function withApprovals(pdf: Uint8Array, tokens: readonly string[]): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const previous = lastMatch(text, /startxref\s+(\d+)/g)?.[1];
  const root = lastMatch(text, /\/Root\s+(\d+\s+\d+)\s+R/g)?.[1];
  const size = lastMatch(text, /\/Size\s+(\d+)/g)?.[1];
  if (!previous || !root || !size) throw new PdfLayoutError('the printed PDF has no readable trailer');
  const info = lastMatch(text, /\/Info\s+(\d+)\s+(\d+)\s+R/g);
  const kept = info ? objectDictionary(text, info[1]!, info[2]!).replace(new RegExp(`/${APPROVALS_KEY}\\s*\\([^)]*\\)`), '') : '';
  // Tokens are base64: no parenthesis or backslash to escape in a PDF literal string.
  if (tokens.some((token) => !/^[A-Za-z0-9+/=]+$/.test(token))) throw new PdfLayoutError('an approval token is not base64');
  const number = Number(size);
  const object = `\n${number} 0 obj\n<<${kept.trimEnd()}\n/${APPROVALS_KEY} (${tokens.join(' ')})>>\nendobj\n`;
  const xrefAt = bytes.length + object.length;
  const update =
    `${object}xref\n${number} 1\n${String(bytes.length + 1).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<</Size ${number + 1} /Root ${root} R /Info ${number} 0 R /Prev ${previous}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([bytes, Buffer.from(update, 'latin1')]));
}

/** The approval tokens a PDF's document information carries (as pdf.js reads it), in sheet order. */
export function approvalsOf(info: unknown): string[] {
  const value = (info as { Custom?: Record<string, unknown> } | null)?.Custom?.[APPROVALS_KEY];
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
}
