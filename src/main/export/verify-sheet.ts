/**
 * Checks a fact sheet against the library: the sheet matches when the digest it carries equals
 * the digest of the library's current state. On a mismatch the reasons say what changed, using
 * the article hash and the per-claim fingerprints the sheet carries.
 */
import type { SheetVerification } from '../../shared/api/methods/export';
import { getClaim } from '../store/claims';
import type { Db } from '../store/open';
import type { FactSheet } from './fact-sheet';
import type { SheetManifest } from './read-sheet';
import { preview } from './sheet-text';

/** How many claims a reason names before it says "and N more". */
const NAMED_CLAIMS = 10;

export function compareSheet(db: Db, manifest: SheetManifest, current: FactSheet | null): SheetVerification {
  const base = { format: manifest.format, documentId: manifest.documentId, sheetDigest: manifest.digest };
  if (!current) {
    return { ...base, result: 'mismatch', libraryDigest: null, reasons: [`document ${manifest.documentId} is not in the library`] };
  }
  if (current.digest === manifest.digest) return { ...base, result: 'match', libraryDigest: current.digest, reasons: [] };

  const reasons: string[] = [];
  if (manifest.articleSha256 && manifest.articleSha256 !== current.document.articleSha256) reasons.push('article text changed');

  const onSheet = new Map(manifest.claims.map((claim) => [claim.id, claim.fingerprint]));
  const inLibrary = new Map(current.claims.map((claim) => [claim.id, claim]));
  const changed = current.claims.filter((claim) => onSheet.has(claim.id) && onSheet.get(claim.id) !== claim.fingerprint);
  const added = current.claims.filter((claim) => !onSheet.has(claim.id));
  const removed = [...onSheet.keys()].filter((id) => !inLibrary.has(id));

  const describe = (id: string, text: string) => `${id} "${preview(text, 50)}"`;
  if (changed.length) reasons.push(claimList('claims changed', changed.map((c) => describe(c.id, c.text))));
  if (added.length) reasons.push(claimList('claims added (verified since)', added.map((c) => describe(c.id, c.text))));
  if (removed.length) {
    reasons.push(
      claimList(
        'claims removed (no longer verified)',
        removed.map((id) => {
          const claim = getClaim(db, id);
          return claim ? `${describe(id, claim.text)} (now ${claim.status})` : `${id} (deleted)`;
        })
      )
    );
  }
  // Article and claims are all as on the sheet: what is left of the digest is the document record.
  reasons.push(
    reasons.length
      ? 'digest differs'
      : "digest differs: the document's title or source changed since, or the sheet's digest was altered"
  );
  return { ...base, result: 'mismatch', libraryDigest: current.digest, reasons };
}

function claimList(what: string, names: string[]): string {
  const shown = names.slice(0, NAMED_CLAIMS).join(', ');
  return `${what}: ${shown}${names.length > NAMED_CLAIMS ? ` and ${names.length - NAMED_CLAIMS} more` : ''}`;
}
