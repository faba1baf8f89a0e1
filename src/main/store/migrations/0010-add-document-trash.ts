import type { Migration } from './types';

/** Deleted documents go to a trash first (deleted_at set) and can be restored until it is emptied. */
export const addDocumentTrash: Migration = {
  version: 10,
  name: 'add-document-trash',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN deleted_at TEXT;
      CREATE INDEX documents_deleted ON documents(deleted_at);
    `);
  }
};
