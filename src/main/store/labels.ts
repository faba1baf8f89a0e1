import type { LabelType } from '../../shared/domain';
import type { Db } from './open';
import { statement } from './statements';

export function listLabels(db: Db): LabelType[] {
  return statement(db, 'SELECT key, name, color, hotkey FROM label_types ORDER BY position').all() as LabelType[];
}

export function labelExists(db: Db, key: string): boolean {
  return !!statement(db, 'SELECT 1 FROM label_types WHERE key = ?').get(key);
}
