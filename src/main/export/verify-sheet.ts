/**
 * Checks a fact sheet. Each claim's signed approval must be valid under the key the library trusts
 * for its reviewer, and what the sheet shows for the claim must be exactly what was approved (a
 * hand edit of the sheet is a mismatch). Then the sheet matches when the digest it carries equals
 * the digest of the library's current state and what it shows around the claims is the library's
 * too (sheet-frame.ts); on a digest mismatch the reasons say what changed, using
 * the article hash and the per-claim fingerprints the sheet carries.
 */
import type { SheetVerification } from '../../shared/api/methods/export';
import { getClaim } from '../store/claims';
import { knownKeys } from '../store/known-keys';
import type { Db } from '../store/open';
import { canonicalJson } from './canonical-json';
import { claimReviewShown } from './claimreview';
import { claimCells } from './csv';
import type { FactSheet, SheetClaim } from './fact-sheet';
import { claimArticle } from './html';
import { claimSection } from './markdown';
import type { SheetEntry, SheetManifest } from './read-sheet';
import { derivedClaims } from '../workflow/verification';
import { compactText, printedText } from './printed-text';
import { preview } from './sheet-text';
import { frameProblems } from './sheet-frame';
import { readApproval } from './signed-approval';

/** How many claims a reason names before it says "and N more". */
const NAMED_CLAIMS = 10;

export function compareSheet(db: Db, manifest: SheetManifest, current: FactSheet | null): SheetVerification {
  const base = { format: manifest.format, documentId: manifest.documentId, sheetDigest: manifest.digest };
  const signed = approvalProblems(db, manifest);
  if (!current) {
    return { ...base, result: 'mismatch', libraryDigest: null, reasons: [...signed, `document ${manifest.documentId} is not in the library`] };
  }
  if (current.digest === manifest.digest) {
    const reasons = [...signed, ...frameProblems(manifest, current, signed.length === 0)];
    return reasons.length
      ? { ...base, result: 'mismatch', libraryDigest: current.digest, reasons }
      : { ...base, result: 'match', libraryDigest: current.digest, reasons: [] };
  }

  const reasons: string[] = [...signed];
  if (manifest.articleSha256 && manifest.articleSha256 !== current.document.articleSha256) reasons.push('article text changed');

  const onSheet = new Map(manifest.claims.map((claim) => [claim.id, claim.fingerprint]));
  const inLibrary = new Map(current.claims.map((claim) => [claim.id, claim]));
  const changed = current.claims.filter((claim) => onSheet.has(claim.id) && onSheet.get(claim.id) !== claim.fingerprint);
  const added = current.claims.filter((claim) => !onSheet.has(claim.id));
  const removed = [...onSheet.keys()].filter((id) => !inLibrary.has(id));

  if (changed.length) reasons.push(claimList('claims changed', changed.map((c) => describe(c.id, c.text))));
  if (added.length) reasons.push(claimList('claims added (verified since)', added.map((c) => describe(c.id, c.text))));
  if (removed.length) {
    reasons.push(
      claimList(
        'claims removed (no longer verified)',
        removed.map((id) => {
          const claim = getClaim(db, id);
          return claim ? `${describe(id, claim.text)} (now ${derivedClaims(db, claim.documentId, [claim])[0]!.status})` : `${id} (deleted)`;
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

const describe = (id: string, text: string) => `${id} "${preview(text, 50)}"`;

/** One reason per claim whose approval does not hold or whose shown content is not what was approved. */
function approvalProblems(db: Db, manifest: SheetManifest): string[] {
  const keys = knownKeys(db);
  const problems: string[] = [];
  // The sheet's text in the form claims are looked for in it, made once for all of them.
  const shownText = manifest.format === 'pdf' ? compactText(manifest.text!) : manifest.text;
  manifest.claims.forEach((entry, i) => {
    const reading = readApproval(entry.id, entry.approval, keys);
    const name = `claim ${i + 1} (${entry.id})`;
    if (!reading.ok) {
      problems.push(`${name}: ${reading.reason}`);
      return;
    }
    if (manifest.articleSha256 && reading.content.articleSha256 !== manifest.articleSha256) {
      problems.push(`${name}: it was approved on another article text`);
      return;
    }
    const edited = shownDifference(manifest.format, shownText, entry, reading.claim, i + 1);
    if (edited) problems.push(`${name} "${preview(reading.claim.text, 50)}": ${edited}`);
  });
  return problems;
}

/**
 * What the sheet shows for a claim that differs from the approved content, or null when nothing does;
 * `text` is the sheet's text (a PDF's with its whitespace dropped, see printed-text.ts).
 */
function shownDifference(format: SheetManifest['format'], text: string | null, entry: SheetEntry, claim: SheetClaim, number: number): string | null {
  const handEdit = 'the sheet shows something other than what was approved (edited by hand?)';
  if (entry.fingerprint !== claim.fingerprint) return 'its fingerprint is not that of the approved content';
  switch (format) {
    case 'html':
      return text!.includes(claimArticle(claim, number)) ? null : handEdit;
    case 'md':
      return text!.includes(claimSection(claim, number).join('\n')) ? null : handEdit;
    case 'csv':
      return differingFields(claimCells(claim), entry.shown ?? {});
    case 'claimreview': {
      // Where the claim appeared is the article's, not the claim's: not part of what was approved.
      const { appearance: _appearance, ...itemReviewed } = (entry.shown?.itemReviewed ?? {}) as Record<string, unknown>;
      return differingFields(claimReviewShown(claim), { ...entry.shown, itemReviewed });
    }
    case 'pdf':
      return text!.includes(printedText(claimArticle(claim, number))) ? null : handEdit;
  }
}

function differingFields(approved: Record<string, unknown>, shown: Record<string, unknown>): string | null {
  const fields = Object.keys(approved).filter((key) => canonicalJson(approved[key] ?? null) !== canonicalJson(shown[key] ?? null));
  return fields.length ? `${fields.join(', ')} on the sheet ${fields.length === 1 ? 'differs' : 'differ'} from what was approved (edited by hand?)` : null;
}

function claimList(what: string, names: string[]): string {
  const shown = names.slice(0, NAMED_CLAIMS).join(', ');
  return `${what}: ${shown}${names.length > NAMED_CLAIMS ? ` and ${names.length - NAMED_CLAIMS} more` : ''}`;
}
