/**
 * The three-way merge of one record, field by field, against the base (the record as both sides
 * last exchanged it): a field changed on one side only takes that side's value; changed on both
 * sides to different values it is a conflict, never decided here. Without a known base, every
 * field that differs is a conflict.
 */
import { sameValue } from './revision';

export interface FieldConflict {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface FieldMerge<T> {
  merged: T;
  /** Fields whose value came from their side. */
  taken: string[];
  conflicts: FieldConflict[];
  /** Fields of earlier open conflicts on which both sides now agree. */
  agreed: string[];
}

/** Never merged: the id is the key; updatedAt follows from the other fields. */
const BOOKKEEPING = new Set(['id', 'updatedAt']);

type Content = { id: string; updatedAt?: string } & object;

/**
 * Merges `theirs` into `mine`. Fields in `open` already have an unresolved conflict: they stay
 * conflicting (with their new value) until both sides agree.
 */
export function mergeFields<T extends Content>(
  base: T | null,
  mine: T,
  theirs: T,
  open: ReadonlySet<string> = new Set()
): FieldMerge<T> {
  const merged: Record<string, unknown> = { ...mine };
  const taken: string[] = [];
  const conflicts: FieldConflict[] = [];
  const agreed: string[] = [];
  const field = (record: T | null, name: string) => (record as Record<string, unknown> | null)?.[name];

  for (const name of Object.keys(mine)) {
    if (BOOKKEEPING.has(name)) continue;
    const [b, m, t] = [field(base, name), field(mine, name), field(theirs, name)];
    if (sameValue(m, t)) {
      if (open.has(name)) agreed.push(name);
      continue;
    }
    const conflict = { field: name, base: b ?? null, mine: m, theirs: t };
    if (open.has(name) || base === null) conflicts.push(conflict);
    else if (sameValue(m, b)) {
      merged[name] = t;
      taken.push(name);
    } else if (!sameValue(t, b)) conflicts.push(conflict);
  }

  if (taken.length > 0 && mine.updatedAt !== undefined && theirs.updatedAt !== undefined) {
    merged.updatedAt = mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt;
  }
  return { merged: merged as T, taken, conflicts, agreed };
}
