import type { VerdictLabel, VerdictScale } from '../../shared/domain';
import type { ChangeGroup } from './history';
import type { Db } from './open';
import { statement } from './statements';

interface ScaleRow {
  id: string;
  version: number;
  name: string;
  labels_json: string;
}

const toScale = (row: ScaleRow): VerdictScale => ({
  id: row.id,
  version: row.version,
  name: row.name,
  labels: JSON.parse(row.labels_json) as VerdictLabel[]
});

/** The newest version of every scale. */
export function listScales(db: Db): VerdictScale[] {
  return (
    statement(
      db,
      `SELECT s.id, s.version, s.name, s.labels_json FROM verdict_scales s
       WHERE s.version = (SELECT max(version) FROM verdict_scales WHERE id = s.id) ORDER BY s.rowid`
    ).all() as ScaleRow[]
  ).map(toScale);
}

export function getScale(db: Db, id: string, version?: number): VerdictScale | null {
  const row = (
    version === undefined
      ? statement(db, 'SELECT id, version, name, labels_json FROM verdict_scales WHERE id = ? ORDER BY version DESC LIMIT 1').get(id)
      : statement(db, 'SELECT id, version, name, labels_json FROM verdict_scales WHERE id = ? AND version = ?').get(id, version)
  ) as ScaleRow | undefined;
  return row ? toScale(row) : null;
}

/** Writes a scale version (a new scale, or a new version of one); earlier versions stay for the verdicts given on them. */
export function insertScaleVersion(group: ChangeGroup, scale: VerdictScale): void {
  statement(group.db, 'INSERT INTO verdict_scales (id, version, name, labels_json, created_at) VALUES (?, ?, ?, ?, ?)').run(
    scale.id,
    scale.version,
    scale.name,
    JSON.stringify(scale.labels),
    group.at
  );
  group.note('verdict_scales', scale.id, getScale(group.db, scale.id, scale.version - 1), scale);
}
