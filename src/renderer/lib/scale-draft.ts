/** A verdict scale being edited in the settings, and what stops it from being saved. */
import type { MethodInput } from '../../shared/api/contract';
import type { VerdictScale } from '../../shared/domain';

export interface DraftLabel {
  /** Stable key for the row while it is edited. */
  key: number;
  label: string;
  /** An integer, or empty for a verdict off the numeric scale. */
  value: string;
}

export interface ScaleDraft {
  /** null for a new scale. */
  id: string | null;
  name: string;
  labels: DraftLabel[];
}

let nextKey = 0;
export const draftLabel = (label = '', value = ''): DraftLabel => ({ key: nextKey++, label, value });

/** A draft of a new version of `scale`, or (asNew) of a new scale starting from its verdicts. */
export const draftOf = (scale: VerdictScale, asNew: boolean): ScaleDraft => ({
  id: asNew ? null : scale.id,
  name: asNew ? '' : scale.name,
  labels: scale.labels.map((l) => draftLabel(l.label, l.value === null ? '' : String(l.value)))
});

/** What stops the draft from being a scale, said so the user can fix it (the API checks the same). */
export function scaleDraftProblems(draft: ScaleDraft): string[] {
  const found: string[] = [];
  if (!draft.name.trim()) found.push('Give the scale a name.');
  if (draft.labels.length === 0) found.push('A scale needs at least one verdict.');
  const names = new Set<string>();
  const numbers = new Set<number>();
  draft.labels.forEach((row, i) => {
    const label = row.label.trim();
    if (!label) found.push(`Verdict ${i + 1} has no label.`);
    else if (names.has(label.toLocaleLowerCase())) found.push(`“${label}” is listed twice.`);
    names.add(label.toLocaleLowerCase());
    const value = row.value.trim();
    if (value === '') return;
    const number = Number(value);
    if (!Number.isInteger(number)) found.push(`The number of “${label || `verdict ${i + 1}`}” must be a whole number, or empty.`);
    else if (numbers.has(number)) found.push(`The number ${number} is given to two verdicts.`);
    numbers.add(number);
  });
  return found;
}

/** The scales.save input for a checked draft. */
export const scaleInput = (draft: ScaleDraft): MethodInput<'scales.save'> => ({
  ...(draft.id ? { id: draft.id } : {}),
  name: draft.name.trim(),
  labels: draft.labels.map((row) => ({ label: row.label.trim(), value: row.value.trim() === '' ? null : Number(row.value) }))
});
