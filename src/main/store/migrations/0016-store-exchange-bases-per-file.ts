import type { Migration } from './types';

/**
 * Exchange bases stored once per exchange instead of once per record: a shared file brings
 * thousands of records, and a row (with its index entries) for each cost more than inserting the
 * records themselves. A set holds the states one exchange recorded for one document (document_id
 * NULL: the library's entities): `records_json` lists [kind, id, revision] in exchange order and
 * `contents_json` the contents in the same order. A later set holds newer states. Existing bases
 * become one set per document (and one for entities), in their old order.
 */
export const storeExchangeBasesPerFile: Migration = {
  version: 16,
  name: 'store-exchange-bases-per-file',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_base_sets (
        seq INTEGER PRIMARY KEY,
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        records_json TEXT NOT NULL,
        contents_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exchange_base_sets_document ON exchange_base_sets(document_id);

      INSERT INTO exchange_base_sets (document_id, records_json, contents_json)
        SELECT document_id,
          json_group_array(json_array(record_type, record_id, revision) ORDER BY seq),
          json_group_array(json(content_json) ORDER BY seq)
        FROM exchange_bases GROUP BY document_id ORDER BY max(seq);
      DROP TABLE exchange_bases;
    `);
  }
};
