/**
 * Clean span edges: what a person would select. No surrounding spaces or punctuation, no
 * possessive 's, no leading "the" (unless it is part of the name, "The Hague"), no titles
 * around a name ("President", "Sheriff"), no half words.
 */
import { isWholeWord } from '../text/words';

/** Titles and roles that precede a name but are not part of it. Lower case; compared case-insensitively. */
export const TITLE_WORDS = new Set(
  ('president vice deputy sheriff attorney general senator sen sen. rep rep. representative congressman congresswoman ' +
    'governor gov gov. mayor judge justice mr mr. mrs mrs. ms ms. mx dr dr. prof prof. professor secretary minister prime ' +
    'chancellor king queen prince princess pope rev rev. reverend gen. col col. colonel capt capt. captain lt lt. lieutenant ' +
    'sgt sgt. sergeant officer detective chief ceo chairman chairwoman director commissioner ambassador speaker ' +
    'democrat republican actor actress rapper singer star socialite boxer lawyer spokesman spokeswoman former late ' +
    'birthday dear saint st st. sir dame lord lady investor analyst economist financier banker')
    .split(' ')
);

/** U.S. state abbreviations as the wire writes them after a city ("Houston, Tex."), without their full stop. */
export const STATE_ABBREVIATIONS =
  'N.Y|N.J|N.C|S.C|N.H|R.I|W.Va|Tex|Calif|Conn|Me|Ill|Md|Mass|Fla|Ga|Pa|Va|Wash|Mich|Minn|Mo|Ore|Ariz|Colo|Ky|La|Okla|Wis|Ind|Ala|Tenn|Del|Kan|Neb|Nev|Miss|Ark|Vt';

/**
 * Words before a number or date that qualify it but are not part of it: the gold convention is
 * "40%" in "about 40%", "1959" in "since 1959".
 */
const QUANTITY_LEADS =
  /^(?:(?:about|roughly|around|approximately|nearly|almost|some|over|under|just|only|another|an estimated|estimated|more than|less than|fewer than|at least|at most|up to|since|from|in|on|at|by|until|till|during|between|of)\s+)+/iu;

const QUANTIFIER_OF = /^(?:None|Some|Most|Many|All|Each|Both|Several|Any|Much|Part|Half|Rest)\s+of\s+(?:the\s+)?/u;
const OPENING = /^[\s"'“”‘’«»()[\]{}<>.,;:!?*_/\\|-]+/u;
const CLOSING = /[\s"'“”‘’«»()[\]{}<>,;:!?*_/\\|-]+$/u;
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;
/** Dotted forms that keep their final full stop: initials and abbreviations ("U.S.", "Inc.", "Jr."). */
const ABBREVIATIONS = `Inc|Ltd|Co|Corp|Jr|Sr|St|Bros|${STATE_ABBREVIATIONS.replaceAll('.', '\\.')}`;
const KEEPS_DOT = new RegExp(String.raw`(?:\b\p{L}\.\p{L}\.|\b(?:${ABBREVIATIONS})\.)$`, 'u');
/** A company suffix's full stop that also ends the sentence ("… Burdett Publications Inc.\n    The company"). */
const SUFFIX_AT_SENTENCE_END = /(?:^|\s)(?:Inc|Ltd|Co|Corp)\.$/u;

export interface Span {
  start: number;
  end: number;
}

/** The cleaned span, or null when nothing worth suggesting is left. */
export function cleanSpan(text: string, span: Span, type: string): Span | null {
  let { start, end } = span;
  // A bracket opened inside a name and not closed there ends it: "BROWN (Labour" is "BROWN".
  const open = text.slice(start, end).search(/[([{](?![^)\]}]*[)\]}])/u);
  if (open > 0) end = start + open;
  for (let pass = 0; pass < 4; pass += 1) {
    const before = `${start}:${end}`;
    const inner = text.slice(start, end);
    // A figure may open with its decimal point: ".125 dlrs".
    const lead = type === 'number' && /^\.\d/u.test(inner) ? 0 : (OPENING.exec(inner)?.[0].length ?? 0);
    start += lead;
    let slice = text.slice(start, end);
    const trail = CLOSING.exec(slice)?.[0].length ?? 0;
    end -= trail;
    slice = text.slice(start, end);
    if (slice.endsWith('.') && (!KEEPS_DOT.test(slice) || (SUFFIX_AT_SENTENCE_END.test(slice) && /^\s+\p{Lu}/u.test(text.slice(end))))) end -= 1;
    slice = text.slice(start, end);
    const possessive = POSSESSIVE.exec(slice);
    if (possessive && type !== 'date' && type !== 'number') end -= possessive[0].length;
    ({ start, end } = stripWords(text, start, end, type));
    if (before === `${start}:${end}`) break;
  }
  if (end <= start) return null;
  const result = text.slice(start, end);
  // A name may wrap onto the next line of hard-wrapped copy, but never crosses a paragraph or a gap.
  if (!/[\p{L}\p{N}]/u.test(result) || /\n\s|\s\n| {2}/.test(result)) return null;
  if (/^[@#]/.test(result)) return null; // social-media handles and hashtags are not names
  // "Deputy oil ministers", "Chairman": a title alone names nobody.
  if (type !== 'date' && type !== 'number' && result.split(/\s+/u).every((w) => TITLE_WORDS.has(w.toLowerCase()))) return null;
  if (!isWholeWord(text, start, end)) return null;
  // Half of a hyphenated name is no name: "Hart-Scott" of "Hart-Scott-Rodino", "Houston" of "Commerce Bank-Houston".
  if (type !== 'date' && type !== 'number' && (/^-\p{Lu}/u.test(text.slice(end, end + 2)) || /\p{Lu}\p{L}*-$/u.test(text.slice(Math.max(0, start - 30), start)))) return null;
  return { start, end };
}

/** Drops a leading article and titles before (or, for places and organisations, after) a name. */
function stripWords(text: string, start: number, end: number, type: string): Span {
  let s = start;
  let e = end;
  if (type === 'number' || type === 'date') {
    const lead = QUANTITY_LEADS.exec(text.slice(s, e));
    if (lead && lead[0].length < e - s) s += lead[0].length;
  }
  // "None of the OPEC members": a share of a group opens no name.
  const share = type === 'number' || type === 'date' ? null : QUANTIFIER_OF.exec(text.slice(s, e));
  if (share && share[0].length < e - s) s += share[0].length;
  for (;;) {
    const match = /^(\S+)\s+/u.exec(text.slice(s, e));
    if (!match) break;
    const word = match[1]!;
    const lower = word.toLowerCase();
    const isArticle = lower === 'the' && !(word === 'The' && !atSentenceStart(text, s) && type !== 'date' && type !== 'number');
    const isTitle = type === 'person' && TITLE_WORDS.has(lower);
    if (!isArticle && !isTitle) break;
    s += match[0].length;
  }
  // "Bijan Moussavar-Rahmani of", "of North": a joining word at an edge belongs to the sentence.
  const edgeJoiner = /^(?:of|and|&)\s+/u.exec(text.slice(s, e));
  if (edgeJoiner && type !== 'date' && type !== 'number') s += edgeJoiner[0].length;
  const trailingJoiner = /\s+(?:of|and|&|the)$/u.exec(text.slice(s, e));
  if (trailingJoiner) e -= trailingJoiner[0].length;
  if (type !== 'person' && type !== 'date' && type !== 'number') {
    for (;;) {
      const match = /\s+(\S+)$/u.exec(text.slice(s, e));
      if (!match || !TITLE_WORDS.has(match[1]!.toLowerCase())) break;
      e -= match[0].length;
    }
  }
  return { start: s, end: e };
}

/** True when only whitespace, opening quotes or brackets separate `i` from a sentence end or the text start. */
export function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /[\s"'“‘([]/.test(text[j]!)) {
    if (text[j] === '\n') return true;
    j -= 1;
  }
  // The dash that ends a wire dateline opens the story's first sentence: "DOHA, March 1 - The Gulf".
  return j < 0 || /[.!?…:]/.test(text[j]!) || (text[j] === '-' && text[j - 1] === ' ');
}
