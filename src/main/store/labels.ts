import type { LabelType } from '../../shared/domain';
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { statement } from './statements';

export function listLabels(db: Db): LabelType[] {
  return statement(db, 'SELECT key, name, color, hotkey FROM label_types ORDER BY position').all() as LabelType[];
}

export function labelExists(db: Db, key: string): boolean {
  return !!statement(db, 'SELECT 1 FROM label_types WHERE key = ?').get(key);
}

/** Adds a label type after the others. */
export function insertLabel(group: ChangeGroup, label: LabelType): void {
  statement(
    group.db,
    `INSERT INTO label_types (key, name, color, hotkey, position)
     VALUES (@key, @name, @color, @hotkey, (SELECT coalesce(max(position), -1) + 1 FROM label_types))`
  ).run(label);
  group.note('label_types', label.key, null, label);
}

/** Gives a label type another name and colour (its key, hotkey and place stay). */
export function updateLabelLook(group: ChangeGroup, before: LabelType, look: Pick<LabelType, 'name' | 'color'>): void {
  statement(group.db, 'UPDATE label_types SET name = ?, color = ? WHERE key = ?').run(look.name, look.color, before.key);
  group.note('label_types', before.key, before, { ...before, name: look.name, color: look.color });
}
