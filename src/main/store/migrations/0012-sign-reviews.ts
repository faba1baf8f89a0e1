import type { Migration } from './types';

/**
 * Reviews carry the published content they judged, its hash and an Ed25519 signature; the library
 * keeps the public key it trusts for each user name. "Verified" becomes derived from a valid
 * approval, so it is no longer a stored status: claims stored as verified go back to "in review"
 * (their approvals were never signed, so they cannot count), as do the snapshots undo replays,
 * and a trigger keeps the status out.
 */
export const signReviews: Migration = {
  version: 12,
  name: 'sign-reviews',
  up(db) {
    db.exec(`
      ALTER TABLE reviews ADD COLUMN content_json TEXT;
      ALTER TABLE reviews ADD COLUMN content_hash TEXT;
      ALTER TABLE reviews ADD COLUMN public_key TEXT;
      ALTER TABLE reviews ADD COLUMN signature TEXT;

      CREATE TABLE known_keys (
        user_name TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('created here', 'trusted')),
        first_seen_at TEXT NOT NULL
      ) STRICT;

      UPDATE claims SET status = 'in review' WHERE status = 'verified';
      UPDATE history SET before_json = json_set(before_json, '$.status', 'in review')
        WHERE table_name = 'claims' AND json_extract(before_json, '$.status') = 'verified';
      UPDATE history SET after_json = json_set(after_json, '$.status', 'in review')
        WHERE table_name = 'claims' AND json_extract(after_json, '$.status') = 'verified';
      CREATE TRIGGER claims_status_not_verified_insert BEFORE INSERT ON claims WHEN NEW.status = 'verified'
        BEGIN SELECT RAISE(ABORT, 'verified is derived from signed approvals, never stored'); END;
      CREATE TRIGGER claims_status_not_verified_update BEFORE UPDATE OF status ON claims WHEN NEW.status = 'verified'
        BEGIN SELECT RAISE(ABORT, 'verified is derived from signed approvals, never stored'); END;
    `);
  }
};
