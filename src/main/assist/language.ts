/**
 * The suggestion models are English-only. Rather than silently finding nothing in a French or
 * Arabic article, the result says whether the text looks English, by the share of its words that
 * are common English function words (about 40–50% in English prose, a few percent otherwise).
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  ('the of and to a in is was for on that with as by at from it he she they his her their its be been has have had ' +
    'are were not but or an this which who will would said after over more than also about into up out one all')
    .split(' ')
);
const SAMPLE = 20_000;
const THRESHOLD = 0.15;

export interface LanguageCheck {
  /** 'en' when the text looks English; 'other' otherwise (suggestions may then be few or wrong). */
  language: 'en' | 'other';
  /** Share of the sampled words that are common English function words, 0..1. */
  englishShare: number;
  /** A sentence for the user. */
  notice: string;
}

export function checkLanguage(text: string): LanguageCheck {
  const words = text.slice(0, SAMPLE).toLowerCase().match(/\p{L}+/gu) ?? [];
  const share = words.length ? words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length : 0;
  const englishShare = Math.round(share * 100) / 100;
  if (words.length > 0 && share >= THRESHOLD) {
    return {
      language: 'en',
      englishShare,
      notice: 'Suggestions come from English language models (compromise, wink-nlp) and your library; other languages are not supported yet.'
    };
  }
  return {
    language: 'other',
    englishShare,
    notice:
      'This text does not look like English, and suggestions are English-only: expect few or wrong entity and claim suggestions. Names your library already knows are still found.'
  };
}
