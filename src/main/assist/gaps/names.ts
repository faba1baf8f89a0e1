/**
 * Every capitalised name in a document, as restoration candidates beside the entity suggestions:
 * a name the recogniser left out (or typed from a frame the mask destroyed) may still be the one
 * a gap hides. Each takes the type the article gives the same words elsewhere, else "other".
 */
import { TITLE_WORDS, atSentenceStart } from '../entities/edges';
import { textKey, wordsOf } from '../text/words';
import type { NamedSpan } from './pool';

/**
 * Capitalised words (hyphenated ones too, "MACAPAGAL-ARROYO", but not "Miami-based") joined by
 * "and", "of", "&" or one line break: "Nippon Kokan", "Bank of New York".
 */
const WORD = String.raw`\p{Lu}[\p{L}\p{N}'’.]*(?:-\p{Lu}[\p{L}\p{N}'’.]*)*`;
const NAME_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])${WORD}(?:(?: |\n)(?:(?:and|of|&)(?: |\n))?${WORD})*`, 'gu');
/** Capitalised words that are not names on their own. */
const NOT_NAMES = new Set(
  ('The A An In On At By For From To Of And But Or If When While After Before Under Over With Without As It Its This That These ' +
    'Those They He She We I You His Her Their Our There Here Both Each Some Any All No Not Also Then Than Such Since Because ' +
    'Following During Although However Mr Mrs Ms Dr Reuter REUTER')
    .split(' ')
);

/** A full stop, then a word that opens sentences and is no name: where a run of capitalised words breaks. */
const SENTENCE_BREAK = new RegExp(String.raw`\.[ \n](?=(?:${[...NOT_NAMES].join('|')})(?![\p{L}\p{N}]))`, 'gu');

/** Drops the run's leading words that `drop` accepts, moving its start; empties it when no word is left. */
function dropLeading(run: { exact: string; start: number }, drop: (word: string) => boolean): void {
  const words = wordsOf(run.exact);
  while (words.length > 0 && drop(words[0]!)) {
    const next = run.exact.indexOf(words[1] ?? '\u0000', words[0]!.length);
    if (next < 0) {
      run.exact = '';
      return;
    }
    run.start += next;
    run.exact = run.exact.slice(next);
    words.shift();
  }
}

/** A run split where a word's full stop ends a sentence the next word opens ("GDP. The country"). */
function sentencePieces(m: RegExpMatchArray): { exact: string; start: number }[] {
  const pieces: { exact: string; start: number }[] = [];
  let from = 0;
  for (const end of m[0].matchAll(SENTENCE_BREAK)) {
    pieces.push({ exact: m[0].slice(from, end.index + 1), start: m.index! + from });
    from = end.index + end[0].length;
  }
  pieces.push({ exact: m[0].slice(from), start: m.index! + from });
  return pieces;
}

export function documentNames(text: string, suggestions: NamedSpan[]): NamedSpan[] {
  const typeOf = new Map<string, string>();
  for (const s of suggestions) if (!typeOf.has(textKey(s.exact))) typeOf.set(textKey(s.exact), s.type);
  // A run a suggestion already covers whole adds nothing; a longer one ("Computer Terminal" around "Terminal") does.
  // reach[i]: the furthest end of a suggestion that starts at or before i.
  const reach = new Int32Array(text.length + 1);
  for (const s of suggestions) reach[s.start] = Math.max(reach[s.start]!, s.start + s.exact.length);
  for (let i = 1; i <= text.length; i += 1) reach[i] = Math.max(reach[i]!, reach[i - 1]!);
  const covered = (start: number, end: number) => reach[start]! >= end;
  const names: NamedSpan[] = [];
  for (const piece of [...text.matchAll(NAME_RUN)].flatMap(sentencePieces)) {
    const run = { exact: piece.exact.replace(/(?:['’]s)?[.'’-]*$/u, ''), start: piece.start };
    dropLeading(run, (word) => NOT_NAMES.has(word));
    // "President Nicolas MADURO" is Nicolas MADURO, when the article names that person (titles also open names: "General Motors").
    const untitled = { ...run };
    dropLeading(untitled, (word) => TITLE_WORDS.has(word.toLowerCase()));
    const { exact, start } = typeOf.get(textKey(untitled.exact)) === 'person' ? untitled : run;
    const words = wordsOf(exact);
    // All-caps runs of several words are headlines and datelines, not names; one capitalised word
    // opening a sentence is mostly just that.
    if (!exact || (/\s/u.test(exact) && exact === exact.toUpperCase()) || covered(start, start + exact.length)) continue;
    if (words.length === 1 && atSentenceStart(text, start)) continue;
    names.push({ start, exact, type: typeOf.get(textKey(exact)) ?? 'other', entityId: null });
  }
  return names;
}
