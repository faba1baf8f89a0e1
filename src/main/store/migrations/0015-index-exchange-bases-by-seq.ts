import type { Migration } from './types';

/**
 * Opening a shared file stores a base for each of its thousands of records, and every index on
 * exchange_bases is written again per base. The (record, seq) index served nothing the
 * (record, revision) key does not (a record has few bases to order), and it cost as much to write
 * as a random key does; an index on seq alone grows at its end and finds the newest number without
 * reading the whole table.
 */
export const indexExchangeBasesBySeq: Migration = {
  version: 15,
  name: 'index-exchange-bases-by-seq',
  up(db) {
    db.exec(`
      DROP INDEX exchange_bases_record;
      CREATE INDEX exchange_bases_seq ON exchange_bases(seq);
    `);
  }
};
