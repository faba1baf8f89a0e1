/**
 * What a fact sheet shows around its claims, checked against the library once its digest matches:
 * the article's title and source (the digest covers them), the claims section holding the approved
 * claims and nothing else, the summary's figures that follow from those claims, and, in HTML, the
 * sheet's own styles (an added style can hide a verdict or show another). A claim added by hand
 * carries no approval and is listed nowhere else, so only this finds it. The left-out figures follow
 * from claims the sheet does not include, which may change after it was made: they are not checked.
 */
import { canonicalJson } from './canonical-json';
import { articleAppearance } from './claimreview';
import type { FactSheet } from './fact-sheet';
import { articleHeading, claimsSection, distributionTable, escapeHtml, evidenceCount, verifiedCount } from './html';
import { SHEET_CSS } from './html-style';
import { claimsLines, distributionLines, evidenceCountLine, sourceLines, titleLine, verifiedCountLine } from './markdown';
import { compactText } from './printed-text';
import type { SheetManifest } from './read-sheet';

const EDITED_ARTICLE = "the article's title or source on the sheet is not the library's (edited by hand?)";
const EDITED_CLAIMS = 'the claims section shows something besides the approved claims (a claim added or changed by hand?)';
const EDITED_SUMMARY = "the summary's figures are not those of the approved claims (edited by hand?)";
const EDITED_STYLE = "the sheet's styles were changed (an added style can hide or replace what it shows)";

/** Tags a Factdesk HTML sheet never holds, each a way to change what it shows or does. */
const FOREIGN_TAGS = /<(?:script|link|iframe|frame|object|embed|img|base|form|template)\b|<meta\s+http-equiv="?refresh/i;

/**
 * Problems with what the sheet shows around its claims; `claimsChecked` says each listed claim was
 * found as approved, so that a claims section that differs must hold something more.
 */
export function frameProblems(manifest: SheetManifest, current: FactSheet, claimsChecked: boolean): string[] {
  const text = manifest.text ?? '';
  const problems: string[] = [];
  const check = (holds: boolean, problem: string) => {
    if (!holds) problems.push(problem);
  };
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  switch (manifest.format) {
    case 'html':
      check(
        text.includes(articleHeading(current.document)) && text.includes(`<title>${escapeHtml(`Fact sheet: ${current.document.title}`)}</title>`) && count(/<h1\b/g) === 1,
        EDITED_ARTICLE
      );
      if (claimsChecked) check(text.includes(claimsSection(current.claims)) && count(/<article\b/g) === current.claims.length, EDITED_CLAIMS);
      check([verifiedCount(current), evidenceCount(current), distributionTable(current.distribution)].every((part) => text.includes(part)), EDITED_SUMMARY);
      // User strings are escaped, so none of these can come from a title, claim or note.
      check(count(/<style\b/g) === 1 && text.includes(`<style>${SHEET_CSS}</style>`) && !/\sstyle=/i.test(text) && !FOREIGN_TAGS.test(text), EDITED_STYLE);
      break;
    case 'md': {
      const lines = (parts: string[]) => parts.join('\n');
      check(text.includes(`${titleLine(current.document)}\n`) && count(/^# /gm) === 1 && text.includes(lines(sourceLines(current.document))), EDITED_ARTICLE);
      if (claimsChecked) check(text.includes(lines(claimsLines(current.claims))) && count(/^### \d+\\?\. /gm) === current.claims.length, EDITED_CLAIMS);
      check(
        [verifiedCountLine(current), evidenceCountLine(current), lines(distributionLines(current.distribution))].every((part) => text.includes(part)),
        EDITED_SUMMARY
      );
      break;
    }
    case 'csv': {
      const rows = manifest.claims.map((claim) => claim.shown ?? {});
      check(rows.every((row) => row.article_title === current.document.title && row.article_url === (current.document.source.url ?? '')), EDITED_ARTICLE);
      break;
    }
    case 'claimreview': {
      const appearance = canonicalJson(articleAppearance(current.document));
      const shown = (claim: SheetManifest['claims'][number]) => (claim.shown?.itemReviewed as { appearance?: unknown } | undefined)?.appearance ?? null;
      check(manifest.claims.every((claim) => canonicalJson(shown(claim)) === appearance), EDITED_ARTICLE);
      break;
    }
    case 'pdf':
      check(compactText(text).includes(compactText(current.document.title)), EDITED_ARTICLE);
      break;
  }
  return problems;
}
