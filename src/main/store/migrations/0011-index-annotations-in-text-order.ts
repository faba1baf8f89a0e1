import type { Migration } from './types';

/**
 * A document's mentions and claims are read in text order (start, then the longer first): indexes in
 * that order serve the read without sorting every row in a temporary B-tree. They replace the
 * (document_id, start) indexes, which they cover.
 */
export const indexAnnotationsInTextOrder: Migration = {
  version: 11,
  name: 'index-annotations-in-text-order',
  up(db) {
    db.exec(`
      DROP INDEX mentions_document;
      CREATE INDEX mentions_document ON mentions(document_id, start, "end" DESC);
      DROP INDEX claims_document;
      CREATE INDEX claims_document ON claims(document_id, start, "end" DESC);
    `);
  }
};
