/**
 * English sentence splitting that survives abbreviations ("U.S.", "Dept.", "Mr."), initials
 * ("Brittany K. Barnett"), numbers and times ("4.5%", "4:30 p.m."), ellipses and closing quotes
 * ('…prison reform." Next'). Line breaks always end a sentence: paragraphs never run together.
 */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations after which a full stop does not end the sentence when a capitalised word follows. */
const TITLES = new Set(
  'mr mrs ms mx dr prof sr jr st gen sen rep gov lt col capt cmdr sgt adm maj rev hon pres supt det insp fr mt ft'.split(' ')
);
/** Abbreviations that usually sit inside a sentence; they end one only before a typical sentence opener. */
const ABBREVIATIONS = new Set(
  ('dept inc ltd co corp bros assn univ vs etc approx est no nos vol fig al ave blvd rd jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e a.m p.m u.s u.k u.n e.u d.c u.s.a ' +
    'calif conn fla ill mass mich minn penn tenn tex wash wis ariz colo ga ky la md mo nev okla ore va no. cf')
    .split(' ')
);
/** Words that typically open a sentence; after "U.S." or "Inc." they signal a real sentence end. */
const OPENERS = new Set(
  ('the a an it he she they we i you this that these those there his her their its our but and so yet in on at ' +
    'for however meanwhile after before when while if as since although though some many most officials')
    .split(' ')
);

const CLOSERS = /["'”’»)\]]/;
const SPACE = /[ \t\u00a0\u2009\u202f]/;

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
      push(spans, text, start, i);
      start = skipSpace(text, i + 1);
      i = start - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let end = i + 1;
    while (end < text.length && /[.!?…]/.test(text[end]!)) end += 1;
    while (end < text.length && CLOSERS.test(text[end]!)) end += 1;
    if (end < text.length && !SPACE.test(text[end]!) && !/[\n\r]/.test(text[end]!)) continue;
    // '"Wow!" she said': a lower-case word after the mark continues the sentence.
    if (/^\p{Ll}/u.test(wordAfter(text, end) ?? '')) continue;
    if (ch === '.' && !endsSentence(text, i, end)) continue;
    push(spans, text, start, end);
    start = skipSpace(text, end);
    i = start - 1;
  }
  push(spans, text, start, text.length);
  return spans;
}

function push(spans: SentenceSpan[], text: string, start: number, end: number) {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e -= 1;
  if (e > start) spans.push({ start, end: e });
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j]!)) j += 1;
  return j;
}

/** Decides whether the full stop at `dot` (with closers up to `after`) ends the sentence. */
function endsSentence(text: string, dot: number, after: number): boolean {
  const word = wordBefore(text, dot);
  const next = wordAfter(text, after);
  if (next === null) return true;
  if (text[dot - 1] === '.' || text[dot + 1] === '.') return true; // an ellipsis made of dots
  if (/^\p{Ll}/u.test(next)) return false;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  if (/^\d/.test(next) && ABBREVIATIONS.has(lower)) return false; // 'No. 5'
  // A single capital letter is an initial ("Brittany K. Barnett") unless a typical opener follows.
  if (/^\p{Lu}$/u.test(word)) return OPENERS.has(next.toLowerCase());
  if (ABBREVIATIONS.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) return OPENERS.has(next.toLowerCase());
  return true;
}

/** The word (letters, digits and inner dots) that ends right before index `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1]!)) i -= 1;
  return text.slice(i, dot).replace(/^\.+/, '');
}

function wordAfter(text: string, from: number): string | null {
  const match = /^[\s"'“‘([]*([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 80));
  return match ? match[1]! : null;
}
