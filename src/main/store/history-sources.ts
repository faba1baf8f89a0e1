/** The shared file each change group that applied one came from (history_sources). */
import type { ChangeGroup } from './history';
import { statement } from './statements';

/** Notes that this change group applies `fileName`, sent by `sender`. */
export function recordHistorySource(group: ChangeGroup, fileName: string, sender: string): void {
  statement(group.db, 'INSERT INTO history_sources (group_id, file_name, sender) VALUES (?, ?, ?)').run(group.meta.groupId, fileName, sender);
}
