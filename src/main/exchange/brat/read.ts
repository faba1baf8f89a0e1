import type { CodePointIndex } from '../../../shared/anchoring/code-points';

/**
 * Parsing a brat .ann file against its .txt. Text-bound (T), normalization (N) and AnnotatorNotes
 * (#) lines are read; relations, events, attributes and modifications are reported and skipped.
 * Each problem names its line; offsets must fit the text, and the text a T line quotes must be
 * the text at its offsets (fragments joined by a space, as brat writes them).
 */
export interface BratSpan {
  id: string;
  type: string;
  /** Code-point offsets into the .txt, as written. */
  fragments: [number, number][];
  line: number;
}

export interface BratReference {
  target: string;
  db: string;
  dbId: string;
  name: string;
  line: number;
}

export interface ParsedAnn {
  spans: BratSpan[];
  references: BratReference[];
  /** Notes by the id of the annotation they are about. */
  notes: Map<string, string>;
  errors: string[];
  warnings: string[];
}

const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const N_LINE = /^(N\d+)\tReference (T\d+) ([^\s:]+):(\S+)\t(.*)$/;
const NOTE_LINE = /^(#\d+)\tAnnotatorNotes (T\d+)\t(.*)$/;
const SKIPPED: Record<string, string> = { R: 'relation', E: 'event', A: 'attribute', M: 'modification', '*': 'equivalence' };

/**
 * Reads the .ann lines; `txt` indexes the .txt's code points (brat counts them).
 * Fragment gaps must be whitespace only: a span may be cut at line breaks, not be discontinuous.
 */
export function parseAnn(ann: string, txt: CodePointIndex): ParsedAnn {
  const parsed: ParsedAnn = { spans: [], references: [], notes: new Map(), errors: [], warnings: [] };
  const ids = new Set<string>();
  const skipped = new Map<string, number[]>();
  const lines = ann.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const error = (problem: string) => parsed.errors.push(`line ${line}: ${problem}`);
    const id = raw.split('\t', 1)[0]!;
    if (ids.has(id)) return error(`the id ${id} is used twice`);
    ids.add(id);
    let match: RegExpExecArray | null;
    if ((match = T_LINE.exec(raw))) {
      const [, tid, type, offsets, quoted] = match as unknown as [string, string, string, string, string];
      const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
      const problem = fragmentProblem(fragments, txt, quoted);
      if (problem) return error(problem);
      parsed.spans.push({ id: tid, type, fragments, line });
    } else if ((match = N_LINE.exec(raw))) {
      const [, , target, db, dbId, name] = match as unknown as [string, string, string, string, string, string];
      parsed.references.push({ target, db, dbId, name, line });
    } else if ((match = NOTE_LINE.exec(raw))) {
      const [, , target, note] = match as unknown as [string, string, string, string];
      parsed.notes.set(target, note);
    } else if (SKIPPED[raw[0]!] && /^[REAM*]\d*\t/.test(raw)) {
      skipped.set(SKIPPED[raw[0]!]!, [...(skipped.get(SKIPPED[raw[0]!]!) ?? []), line]);
    } else {
      error(`not a brat annotation line ("${raw.slice(0, 40)}${raw.length > 40 ? '…' : ''}")`);
    }
  });
  const spanIds = new Set(parsed.spans.map((span) => span.id));
  for (const reference of parsed.references) {
    if (!spanIds.has(reference.target)) parsed.errors.push(`line ${reference.line}: it refers to ${reference.target}, which is not a text annotation here`);
  }
  for (const target of parsed.notes.keys()) {
    if (!spanIds.has(target)) parsed.errors.push(`a note refers to ${target}, which is not a text annotation here`);
  }
  for (const [kind, at] of skipped) {
    parsed.warnings.push(`${at.length} ${kind} annotation${at.length === 1 ? '' : 's'} (line${at.length === 1 ? '' : 's'} ${at.join(', ')}) not imported: Factdesk has no ${kind}s.`);
  }
  return parsed;
}

function fragmentProblem(fragments: [number, number][], txt: CodePointIndex, quoted: string): string | null {
  const length = txt.length;
  const slice = (start: number, end: number) => txt.text.slice(txt.toUtf16(start), txt.toUtf16(end));
  for (const [start, end] of fragments) {
    if (end > length) return `the offsets ${start} ${end} lie outside the text (${length} characters)`;
    if (end <= start) return `the span ${start} ${end} is empty`;
  }
  for (let i = 1; i < fragments.length; i += 1) {
    const gap = slice(fragments[i - 1]![1], fragments[i]![0]);
    if (fragments[i]![0] < fragments[i - 1]![1] || gap.trim() !== '') {
      return 'discontinuous spans are not supported (fragments may only be separated by line breaks or spaces)';
    }
  }
  const actual = fragments.map(([start, end]) => slice(start, end)).join(' ');
  if (actual !== quoted) {
    const [start, end] = [fragments[0]![0], fragments[fragments.length - 1]![1]];
    return `the text "${preview(quoted)}" does not match the text at ${start}–${end} in the .txt ("${preview(actual)}")`;
  }
  return null;
}

const preview = (text: string) => {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text;
};
