import type { Database } from 'better-sqlite3';
import { createDocuments } from './0001-create-documents';
import { createSettingsLabelsScales } from './0002-create-settings-labels-scales';
import { createEntitiesMentions } from './0003-create-entities-mentions';
import { createClaimsEvidenceReviews } from './0004-create-claims-evidence-reviews';
import { createHistory } from './0005-create-history';
import { createExchangeBasesOrphans } from './0006-create-exchange-bases-orphans';
import { createExchangeConflicts } from './0007-create-exchange-conflicts';
import { createSuggestionRejections } from './0008-create-suggestion-rejections';
import { createAnnotationSearch } from './0009-create-annotation-search';
import { addDocumentTrash } from './0010-add-document-trash';
import { indexAnnotationsInTextOrder } from './0011-index-annotations-in-text-order';
import { signReviews } from './0012-sign-reviews';
import { checkLabelColours } from './0013-check-label-colours';
import { createHistorySources } from './0014-create-history-sources';
import { indexExchangeBasesBySeq } from './0015-index-exchange-bases-by-seq';
import { storeExchangeBasesPerFile } from './0016-store-exchange-bases-per-file';
import { countHistoryEntries } from './0017-count-history-entries';
import type { Migration } from './types';
import { inWriteTransaction } from '../write-transaction';

export const MIGRATIONS: readonly Migration[] = [
  createDocuments,
  createSettingsLabelsScales,
  createEntitiesMentions,
  createClaimsEvidenceReviews,
  createHistory,
  createExchangeBasesOrphans,
  createExchangeConflicts,
  createSuggestionRejections,
  createAnnotationSearch,
  addDocumentTrash,
  indexAnnotationsInTextOrder,
  signReviews,
  checkLabelColours,
  createHistorySources,
  indexExchangeBasesBySeq,
  storeExchangeBasesPerFile,
  countHistoryEntries
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Runs every migration newer than the database's user_version, each in its own transaction.
 * A database written by a newer Factdesk is refused rather than guessed at.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `This library was written by a newer version of Factdesk (schema ${current}; this version knows ${latest}).`
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    inWriteTransaction(db, () => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return db.pragma('user_version', { simple: true }) as number;
}
