import type { Migration } from './types';

/** Claims with their workflow state and verdict, evidence items and review records. */
export const createClaimsEvidenceReviews: Migration = {
  version: 4,
  name: 'create-claims-evidence-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" > start),
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        text TEXT NOT NULL,
        claimant_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
        claim_date TEXT,
        score REAL,
        score_reason TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'researching', 'in review', 'verified', 'changes requested')),
        verdict_scale_id TEXT,
        verdict_scale_version INTEGER,
        verdict_label TEXT,
        explanation TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX claims_document ON claims(document_id, start);

      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        relation TEXT NOT NULL CHECK (relation IN ('supports', 'refutes', 'context')),
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        archived_url TEXT NOT NULL,
        publisher TEXT NOT NULL,
        accessed_at TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        note TEXT NOT NULL,
        position INTEGER NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX evidence_claim ON evidence(claim_id, position);

      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approve', 'request changes', 'comment')),
        comment TEXT NOT NULL,
        self_review INTEGER NOT NULL CHECK (self_review IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reviews_claim ON reviews(claim_id, created_at);
    `);
  }
};
