/**
 * Transparent check-worthiness features. Each feature is a named cue with a fixed weight; a
 * sentence's score is the sum of the weights that fire, clamped to 0..1, and every fired cue is
 * listed with the words that fired it, so an editor sees why a sentence ranks where it does.
 */

export interface FeatureHit {
  feature: string;
  /** What the UI shows, e.g. "numbers and quantities". */
  label: string;
  weight: number;
  /** The words in the sentence that fired the cue (at most a few). */
  evidence: string[];
}

export interface SentenceFacts {
  text: string;
  /** Quantities in the sentence (number entities, and figures no entity covers; years are dates). */
  numbers: string[];
  dates: string[];
  names: string[];
  /** The named claimant and the reporting verb, when the sentence attributes a statement. */
  claimant: string | null;
  reportingVerb: string | null;
}

/** Verbs that attribute a statement; see claims/suggest.ts for when one counts. */
export const REPORTING_VERB =
  /\b(?:said|says|told|tells|stated|claimed|claims|announced|announces|wrote|writes|writing|tweeted|argued|argues|added|insisted|insists|denied|denies|confirmed|confirms|explained|noted|warned|warns|testified|estimated|estimates|forecast|forecasts|predicted|reported|reports|according to)\b/giu;

const COMPARISON =
  /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|most|least|highest|lowest|largest|smallest|biggest|greatest|best|worst|fastest|record|records|double|doubled|triple|tripled|twice|half|increase[ds]?|decrease[ds]?|rose|risen|rise[ns]?|fell|fallen|falling|dropped|declin(?:e|ed|es|ing)|gr[eo]w|grown|growth|shr[iau]nk|contraction|surged?|plunged?|jumped|slipped|compared (?:with|to)|than|ranked|top|only|first|all-time|unprecedented|majority|minority)\b/giu;
const SUPERLATIVE = /\b\p{L}{3,}est\b/giu;
const NOT_SUPERLATIVES = new Set(
  'interest interests forest honest protest request suggest latest west rest test arrest guest nest quest chest harvest modest manifest contest digest invest priest earnest' .split(' ')
);
const POLICY_TERMS =
  /\b(?:law|laws|bill|bills|act|legislation|legislative|regulation|regulations|policy|policies|court|courts|judge|ruling|pardon(?:ed|s)?|sentence[ds]?|sentencing|convict(?:ed|ion)|parole|prison|jail|charges?|charged|indict(?:ed|ment)|impeachment|tax|taxes|taxation|tariffs?|budget|deficit|debt|spending|subsid(?:y|ies)|sanctions?|treaty|constitution|constitutional|election|elections|elected|vote[ds]?|voters?|referendum|decree|unemployment|employment|inflation|gdp|economy|economic|crime|immigration|healthcare|health care|reform|government|administration|parliament|congress|senate)\b/giu;
const QUOTE = /["“][^"”]{12,}["”]/u;
const OPINION = /\b(?:I|we) (?:think|believe|feel|hope|guess)\b|\b(?:should|ought to|must)\b|\bin (?:my|our) (?:view|opinion)\b|\bdeserves?\b/iu;
const HEDGE = /\b(?:may|might|could|perhaps|possibly|reportedly)\b/iu;

const unique = (items: string[]) => [...new Set(items.map((s) => s.trim()))].slice(0, 4);
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[0]);

export function sentenceFeatures(facts: SentenceFacts): FeatureHit[] {
  const { text } = facts;
  const hits: FeatureHit[] = [];
  const add = (feature: string, label: string, weight: number, evidence: string[]) =>
    hits.push({ feature, label, weight: Math.round(weight * 100) / 100, evidence: unique(evidence) });

  const numbers = facts.numbers;
  if (numbers.length > 0) add('quantity', 'numbers and quantities', Math.min(0.35, 0.25 + 0.05 * (numbers.length - 1)), numbers);

  const comparisons = [
    ...matches(text, COMPARISON),
    ...matches(text, SUPERLATIVE).filter((w) => !NOT_SUPERLATIVES.has(w.toLowerCase()))
  ];
  if (comparisons.length > 0) add('comparison', 'comparisons and superlatives', 0.2, comparisons);

  if (facts.claimant && facts.reportingVerb) {
    add('claimant', 'a named claimant with a reporting verb', 0.2, [facts.claimant, facts.reportingVerb]);
  } else if (facts.reportingVerb) {
    add('attribution', 'an attributed statement', 0.1, [facts.reportingVerb]);
  }

  const quote = QUOTE.exec(text);
  if (quote) add('quote', 'a direct quote', 0.1, [quote[0].length > 40 ? `${quote[0].slice(0, 37)}…` : quote[0]]);

  if (facts.dates.length > 0) add('date', 'dates', 0.1, facts.dates);

  const policy = matches(text, POLICY_TERMS);
  if (policy.length > 0) add('policy', 'policy and legal terms', 0.15, policy);

  if (facts.names.length > 0) add('named', 'named people, organisations or places', 0.1, facts.names);

  if (/\?["”’']?$/u.test(text.trim())) add('question', 'a question, not a statement', -0.3, ['?']);
  const opinion = OPINION.exec(text);
  if (opinion) add('opinion', 'opinion or recommendation wording', -0.15, [opinion[0]]);
  const hedge = HEDGE.exec(text);
  if (hedge) add('hedge', 'hedged wording', -0.05, [hedge[0]]);
  if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 6) add('short', 'too short to carry a checkable claim', -0.2, []);
  return hits;
}

/** Sum of the weights, clamped to 0..1 and rounded to two decimals. */
export function scoreOf(hits: FeatureHit[]): number {
  const sum = hits.reduce((total, hit) => total + hit.weight, 0);
  return Math.round(Math.min(1, Math.max(0, sum)) * 100) / 100;
}

/** One line for Claim.scoreReason, e.g. "numbers and quantities (96%, 40%) +0.35; dates (2014) +0.1". */
export function reasonLine(hits: FeatureHit[]): string {
  return hits
    .map((hit) => {
      const sign = hit.weight >= 0 ? '+' : '';
      const evidence = hit.evidence.length ? ` (${hit.evidence.join(', ')})` : '';
      return `${hit.label}${evidence} ${sign}${hit.weight}`;
    })
    .join('; ');
}
