/**
 * The fact sheet as schema.org ClaimReview JSON-LD: an array with one ClaimReview per verified
 * claim, Google's required properties always present (claimReviewed, reviewRating with
 * alternateName, an absolute url on the published fact-check address) and the recommended ones when the library knows them. What is missing or
 * too long comes back as warnings. Provenance rides in schema.org `identifier` PropertyValues.
 * The text is safe to embed in a `<script type="application/ld+json">` element as it is.
 */
import { DomainError } from '../errors';
import type { FactSheet, SheetClaim } from './fact-sheet';
import { httpUrl } from './links';
import { scriptSafeJson } from './script-safe-json';
import { preview } from './sheet-text';
import { approvalToken } from './signed-approval';

/** Google's guidance: a claimReviewed longer than this is cut in search results. */
export const CLAIM_REVIEWED_LIMIT = 75;

/** propertyID of each provenance identifier (read back by verify-sheet). */
export const PROVENANCE_IDS = {
  documentId: 'factdesk:document-id',
  digest: 'factdesk:sheet-digest',
  articleSha256: 'factdesk:article-sha256',
  claimId: 'factdesk:claim-id',
  fingerprint: 'factdesk:claim-fingerprint',
  approval: 'factdesk:signed-approval'
} as const;

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

type Json = Record<string, unknown>;

export interface ClaimReviewExport {
  items: Json[];
  warnings: string[];
}

export function buildClaimReviews(sheet: FactSheet): ClaimReviewExport {
  const base = httpUrl(sheet.publishedBaseUrl);
  if (!base) {
    throw new DomainError(
      'invalid_input',
      'ClaimReview needs the web address where your fact checks are published: set "Published fact-check address" in Settings.'
    );
  }
  const warnings: string[] = [];
  const appearance = articleAppearance(sheet.document);
  if (!sheet.organisation) {
    warnings.push('No organisation is set (Settings), so ClaimReview author is left out; Google recommends it.');
  }
  if (!appearance.url) {
    warnings.push(
      'The article has no web address (Document details), so itemReviewed.appearance carries no URL.'
    );
  }

  const items: Json[] = [];
  sheet.claims.forEach((claim, i) => {
    const label = `Claim ${i + 1} ("${preview(claim.text, 40)}")`;
    if (!claim.verdict) {
      warnings.push(`${label} has no verdict and is left out.`);
      return;
    }
    const length = [...claim.text].length;
    if (length > CLAIM_REVIEWED_LIMIT) {
      warnings.push(`${label}: claimReviewed is ${length} characters; Google recommends at most ${CLAIM_REVIEWED_LIMIT}.`);
    }
    if (!claim.claimant) warnings.push(`${label}: no claimant, so itemReviewed.author is left out.`);
    if (!claim.claimDate) warnings.push(`${label}: no claim date, so itemReviewed.datePublished is left out.`);
    else if (!ISO_DATE.test(claim.claimDate)) {
      warnings.push(`${label}: the claim date "${claim.claimDate}" is not an ISO 8601 date, so itemReviewed.datePublished is left out.`);
    }
    items.push(claimReview(sheet, claim, base, appearance));
  });
  return { items, warnings };
}

export function renderClaimReview(sheet: FactSheet): { text: string; warnings: string[] } {
  const { items, warnings } = buildClaimReviews(sheet);
  return { text: `${scriptSafeJson(items)}\n`, warnings };
}

/** Where the reviewed claims appeared: the article (the digest covers it; verify-sheet builds it again). */
export function articleAppearance({ title, source }: Pick<FactSheet['document'], 'title' | 'source'>): Json {
  const articleUrl = source.url ? httpUrl(source.url) : null;
  return {
    '@type': 'CreativeWork',
    ...(articleUrl && { url: articleUrl }),
    headline: title.replace(/\s+/g, ' ').trim(),
    ...(source.publisher && { publisher: { '@type': 'Organization', name: source.publisher } }),
    ...(source.publishedAt && ISO_DATE.test(source.publishedAt) && { datePublished: source.publishedAt })
  };
}

/** What a ClaimReview shows of one claim; verify-sheet builds it again from the signed approval. */
export function claimReviewShown(claim: SheetClaim) {
  const verdict = claim.verdict!;
  const numeric = verdict.value !== null && verdict.best !== null && verdict.worst !== null;
  return {
    claimReviewed: claim.text,
    reviewRating: {
      '@type': 'Rating',
      alternateName: verdict.label,
      ...(numeric && { ratingValue: verdict.value, bestRating: verdict.best, worstRating: verdict.worst })
    },
    datePublished: claim.verifiedAt.slice(0, 10),
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.claimant && {
        author: { '@type': claim.claimant.type === 'person' ? 'Person' : 'Organization', name: claim.claimant.name }
      }),
      ...(claim.claimDate && ISO_DATE.test(claim.claimDate) && { datePublished: claim.claimDate })
    }
  };
}

/** Each claim's review is the `#claim-ID` section of the sheet published at `base`. */
function claimReview(sheet: FactSheet, claim: SheetClaim, base: string, appearance: Json): Json {
  const shown = claimReviewShown(claim);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: new URL(`#claim-${encodeURIComponent(claim.id)}`, base).href,
    claimReviewed: shown.claimReviewed,
    reviewRating: shown.reviewRating,
    ...(sheet.organisation && { author: { '@type': 'Organization', name: sheet.organisation } }),
    datePublished: shown.datePublished,
    itemReviewed: { ...shown.itemReviewed, appearance },
    identifier: [
      provenance(PROVENANCE_IDS.documentId, sheet.document.id),
      provenance(PROVENANCE_IDS.digest, sheet.digest),
      provenance(PROVENANCE_IDS.articleSha256, sheet.document.articleSha256),
      provenance(PROVENANCE_IDS.claimId, claim.id),
      provenance(PROVENANCE_IDS.fingerprint, claim.fingerprint),
      provenance(PROVENANCE_IDS.approval, approvalToken(claim.approval))
    ]
  };
}

const provenance = (propertyID: string, value: string) => ({ '@type': 'PropertyValue', propertyID, value });
