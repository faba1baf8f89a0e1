import type { Migration } from './types';

/**
 * Exchange bases keyed by their exchange order: `seq` becomes the row id, so the newest number is
 * read without a scan and a base is one table row plus one (record, revision) index entry. Opening
 * a shared file stores a base for each of its thousands of records; the former (record, seq) index
 * cost as much to write again and served nothing the (record, revision) key does not (a record has
 * few bases to order). Rows keep their order; numbers are made unique if they ever were not.
 */
export const numberExchangeBasesBySeq: Migration = {
  version: 15,
  name: 'number-exchange-bases-by-seq',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_bases_by_seq (
        -- Exchange order: the newest base of a record has the highest seq.
        seq INTEGER PRIMARY KEY,
        record_type TEXT NOT NULL CHECK (record_type IN ('entity', 'mention', 'claim', 'evidence', 'review')),
        record_id TEXT NOT NULL,
        revision TEXT NOT NULL CHECK (length(revision) = 64),
        -- NULL for entities, which belong to the library rather than to one document.
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        content_json TEXT NOT NULL,
        UNIQUE (record_type, record_id, revision)
      ) STRICT;
      INSERT INTO exchange_bases_by_seq (seq, record_type, record_id, revision, document_id, content_json)
        SELECT row_number() OVER (ORDER BY seq, rowid), record_type, record_id, revision, document_id, content_json FROM exchange_bases;
      DROP TABLE exchange_bases;
      ALTER TABLE exchange_bases_by_seq RENAME TO exchange_bases;
      CREATE INDEX exchange_bases_document ON exchange_bases(document_id, record_type);
    `);
  }
};
