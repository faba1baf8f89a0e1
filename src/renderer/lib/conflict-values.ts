/** Showing and editing the values of a merge conflict (JSON-compatible field values). */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A value as the conflict view shows it. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'string') return value === '' ? '(empty text)' : value;
  return JSON.stringify(value, null, 2);
}

/** How a field's value is edited: text for strings, a number input, a checkbox, JSON otherwise. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'json';

export function kindOf(value: unknown): ValueKind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

/** The editor's draft for a seed value. */
export const draftOf = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? 'null' : JSON.stringify(value, null, 2);

/** The value a draft stands for, or why it is not one. */
export function parseDraft(kind: ValueKind, draft: string, checked: boolean): { ok: true; value: JsonValue } | { ok: false; problem: string } {
  switch (kind) {
    case 'text':
      return { ok: true, value: draft };
    case 'boolean':
      return { ok: true, value: checked };
    case 'number': {
      const number = Number(draft);
      return draft.trim() !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: 'Enter a number.' };
    }
    default:
      try {
        return { ok: true, value: JSON.parse(draft) as JsonValue };
      } catch (error) {
        return { ok: false, problem: `Not valid JSON: ${(error as Error).message}` };
      }
  }
}
