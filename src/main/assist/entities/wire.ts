/**
 * News-wire conventions the NLP models do not know: the all-caps headline, stock tickers in angle
 * brackets ("Liebert Corp <LIEB>"), the dateline ("COLUMBUS, Ohio, Feb 26 -"), the "Reuter"
 * sign-off, company names closed by a legal suffix ("Wrather Corp", "Toshin Steel Co Ltd") and
 * figures with their unit ("6.6 mln dlrs", "11.3 pct"). Read by patterns over the whole text.
 */
import { type EntityCandidate, personSurnames } from './candidate';
import { STATE_ABBREVIATIONS, TITLE_WORDS, type Span } from './edges';
import { isHeadWord } from './typing';

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
/** "Feb 26", "February 20, 1986", "Dec 31, 1986". */
const MONTH_DAY = new RegExp(String.raw`(?<![\p{L}\p{N}])${MONTH}\.? \d{1,2}(?:, (?:1[89]|20)\d\d)?(?![\p{L}\p{N}])`, 'gu');
/** Split fiscal years: "1986/87". */
const FISCAL_YEAR = /(?<![\p{L}\p{N}/])(?:1[89]|20)\d\d\/\d\d(?![\p{L}\p{N}/])/gu;
/** "CALGARY, Alberta, Feb 26 -" at the start of a line (indented in some wire copy): the place the story was filed from and its date. */
const DATELINE = new RegExp(
  String.raw`(?<=^ *)(\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*)*), (?:(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*), )?(${MONTH}\.? \d{1,2}) -`,
  'gmu'
);
const STATE = new RegExp(String.raw`(?<=, )(?:${STATE_ABBREVIATIONS.replaceAll('.', '\\.')})\.(?![\p{L}.])`, 'gu');
/** "U.S." is a place unless a longer name holds it ("U.S. Bankruptcy Court"). */
const US = /(?<![\p{L}.])U\.S\.(?![\p{L}])/gu;
/** Dates said relative to the story: "last week", "a year earlier". */
const RELATIVE_DATE = /(?<![\p{L}])(?:(?:last|next|this)\s(?:week|month|year)|a\s(?:week|month|year)\s(?:earlier|ago|later))(?![\p{L}])/gu;
const ORDINAL = String.raw`\d{1,2}(?:st|nd|rd|th)`;
/** Dates with their qualifier: "late 2008", "early April", "early in the 19th century", "first half of the 20th century", "end of March". */
const QUALIFIED_DATE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:early|late|mid)(?:\sin\sthe)?[\s-]|(?:first|second)\shalf\sof\sthe\s|(?:beginning|end|middle)\sof\s(?:the\s)?)` +
    String.raw`(?:${ORDINAL}(?:\sand\s(?:early|late|mid)\s${ORDINAL})?\scentur(?:y|ies)|${MONTH}(?:\s(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\ds?)(?![\p{L}\p{N}])`,
  'giu'
);
/** "a Houston-based fabricator": the place before "-based". */
const BASED = /(?<![\p{L}])\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?(?=-based\b)/gu;
/** Institutions named "… of …": "Bank of New York", "California Department of Corporations". */
const INSTITUTION_OF = /(?<![\p{L}])(?:\p{Lu}[\p{L}]+ )*(?:Bank|Department|Ministry|University|Institute|Bureau|Council) of (?:the )?\p{Lu}[\p{L}]+(?:[ \n]\p{Lu}[\p{L}]+)*/gu;
/** The second day of "between Feb 13 and 24". */
const SECOND_DAY = new RegExp(String.raw`${MONTH}\.? \d{1,2} and (\d{1,2})(?![\p{L}\p{N}])`, 'gu');
/** What follows a company's name in apposition: "Nova, the Canadian company that …", "Ionic, a maker of circuit boards". */
const COMPANY_APPOSITION =
  /^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,4}?(?:company|firm|group|bank|maker|manufacturer|supplier|subsidiary|unit|concern|corporation|utility|broker|insurer|retailer|producer|airline|fund|agency|fabricator|operator|affiliate)\b/u;
/** A role held at a firm, right before its name: "an analyst at", "economist with". */
const ROLE_AT = /(?<![\p{L}])(?:analyst|economist|banker|trader|broker|spokesman|spokeswoman|director|chairman|president|partner|official)s?[ \n](?:at|with)[ \n]$/iu;
/** First words of place names that models take for given names ("Santa Barbara"). */
const PLACE_OPENERS = new Set(['San', 'Santa', 'Los', 'Las', 'Saint', 'St.', 'Port', 'Fort', 'Mount', 'Lake']);
/** Title words that stand before a name but describe no office: "former", "late", "star". */
const NOT_OFFICES = new Set(['former', 'late', 'birthday', 'dear', 'star', 'democrat', 'republican', 'socialite', 'boxer', 'rapper', 'singer', 'actor', 'actress']);
const OFFICES = [...TITLE_WORDS]
  .filter((w) => /^\p{L}+$/u.test(w) && !NOT_OFFICES.has(w))
  .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]);
/** A whole name of two or three capitalised words right after a title: "Oil Minister Hisham Nazer", "Chairman Carl Singer". */
const TITLED_NAME = new RegExp(
  String.raw`(?<=(?<![\p{L}])(?:${OFFICES.join('|')})[ \n])\p{Lu}[\p{Ll}'’-]+(?:[ \n](?:\p{Lu}\.[ \n])?\p{Lu}[\p{L}'’-]+){1,2}(?:[ \n](?:Jr|Sr)\.)?(?![\p{L}.])(?![ \n]\p{Lu})`,
  'gu'
);
/** A byline at the start of a line: "By Maria Okafor". */
const BYLINE = /^By (\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{L}'’-]+){1,2})(?![\p{L}])/gmu;

const SPELLED = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';
const UNITS = 'centuries|decades|dlrs|dlr|pct|shares|share|stg|yen|marks|francs|cts|workers|employees|people|years|months|weeks|days|barrels|tonnes|tons';
/** A figure with its unit: "6.6 mln dlrs", ".125 dlrs", "Nine pct", "10-7/8 pct", "37 mln", "700p", "228-room". */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:-\d+/\d+)?|(?:${SPELLED}))(?:\s(?:mln|billion|trillion))?(?:\s(?:${UNITS})(?![\p{L}])|(?<=mln|billion|trillion)(?![\p{L}]))|(?<![\p{L}\p{N}.])\d+p(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.,-])\d[\d,]*-\p{Ll}+(?![\p{L}-])`,
  'giu'
);

/** Words that close a company or institution name. */
const SUFFIX = String.raw`(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|KK|N\.V\.|NV|AG|AB|SA|S\.A\.|GmbH|LP|L\.P\.|Limited|Partnership|Bancorp|Commission|Board|Court|Association|Associates|Partners|Hotels|Holdings)\.?`;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}'’&.-]*|\(\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)*\))`;
/**
 * Capitalised words (joined by "and", "of", "&") up to a legal suffix, across one line break:
 * "Drexel Burnham\nLambert Inc", "Birr, Wilson and Co".
 */
const COMPANY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${NAME_WORD}(?:[ \n](?:(?:and|of|&)[ \n])?${NAME_WORD})*?(?:[ \n](?:and|&))?[ \n]${SUFFIX}(?:[ \n]${SUFFIX})*(?![\p{L}\p{N}])`,
  'gu'
);
const SUFFIX_WORD = new RegExp(String.raw`^${SUFFIX}$`, 'u');

/** True when a name closes with a legal suffix ("Woodco Inc", "Inc"). */
export const hasLegalSuffix = (name: string) => SUFFIX_WORD.test(name.split(/\s+/u).at(-1) ?? '');
/** Capitalised sentence openers a company pattern may pick up before the name. */
const OPENERS = new Set(['The', 'A', 'An', 'In', 'Under', 'But', 'And', 'Its', 'Both', 'When', 'If', 'As', 'After', 'Following']);
/** Words too general to stand for a company on their own ("Bank" of "Bank of New York Co Inc"). */
const GENERIC = new Set(['Bank', 'First', 'National', 'American', 'United', 'General', 'International', 'Federal', 'Industrial', 'New', 'Financial', 'Group', 'Securities', 'U.S.', 'Canadian', 'British']);
/** A name in angle brackets: the wire's mark for a company without a ticker ("<Sedio N.V.>"). */
const BRACKETED = /<([^<>\n]{2,80}(?:\n[^<>\n]{1,80})?)>/gu;
/** A ticker, with the exchange after a space as the wire writes Stockholm's ("SMBS ST"). */
const TICKER = /^[\p{Lu}\d.]{1,10}(?: \p{Lu}{1,2})?$/u;

/**
 * Types the text's own wording settles, whatever a model guessed: a name followed by a company
 * description in apposition is a company; a "person" opening with "San", "Santa", "Port" is a place.
 */
export function typeFromWording(text: string, candidate: EntityCandidate): { type: string; reason: string } | null {
  if (candidate.source === 'library' || candidate.type === 'date' || candidate.type === 'number') return null;
  if (candidate.type !== 'organization' && COMPANY_APPOSITION.test(text.slice(candidate.end, candidate.end + 80))) {
    return { type: 'organization', reason: 'described as a company right after its name' };
  }
  const words = text.slice(candidate.start, candidate.end).split(/\s+/u);
  const first = words[0]!;
  if (candidate.type === 'person' && words.length > 1 && (SUFFIX_WORD.test(first) || SUFFIX_WORD.test(words.at(-1)!))) {
    return { type: 'organization', reason: 'company name (legal suffix)' };
  }
  if (candidate.type === 'person' && ROLE_AT.test(text.slice(Math.max(0, candidate.start - 40), candidate.start))) {
    return { type: 'organization', reason: 'the firm a role is held at ("analyst at …")' };
  }
  if (candidate.type === 'person' && PLACE_OPENERS.has(first)) return { type: 'location', reason: `place name ("${first} …")` };
  return null;
}

const OPENER_BEFORE = new RegExp(String.raw`(?<![\p{L}.])(${[...PLACE_OPENERS].map((w) => w.replace('.', '\\.')).join('|')})[ \n]$`, 'u');

/** A "person" right after "Santa", "San", "Port" (also across a line break: "Santa\nBarbara") is the rest of a place name. */
export function withPlaceOpeners(text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  return candidates.map((c) => {
    const opener = c.type === 'person' && c.source !== 'library' ? OPENER_BEFORE.exec(text.slice(Math.max(0, c.start - 8), c.start)) : null;
    if (!opener) return c;
    return { ...c, start: c.start - opener[0].length, type: 'location', source: 'pattern', reason: `place name ("${opener[1]} …")` };
  });
}

/** Spans where nothing should be suggested: the all-caps headline, tickers, the sign-off. */
export function wireQuietSpans(text: string): Span[] {
  const quiet: Span[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const letters = line.replace(/[^\p{L}]/gu, '');
    const words = line.match(/\p{L}{2,}/gu) ?? [];
    if ((words.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) || /^\s*(?:Reuter|REUTER)\b[^\p{L}]*$/u.test(line)) {
      quiet.push({ start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1]!;
    if (isTicker(text, m.index, inner)) quiet.push({ start: m.index, end: m.index + m[0].length });
  }
  // The sign-off may also close the last line of a table or paragraph: "55.8 (33.7).        REUTER".
  const signOff = /\s(?:Reuter|REUTER)\s*$/u.exec(text);
  if (signOff) quiet.push({ start: signOff.index, end: text.length });
  return quiet;
}

/** A bracketed all-caps code right after a name ("Wrather Corp <WCO>", "Association.<ICGS.L>") is a ticker; "its <SMS> unit" names a company. */
function isTicker(text: string, at: number, inner: string): boolean {
  if (!TICKER.test(inner)) return false;
  if (/[\d.]/u.test(inner)) return true;
  const before = text.slice(Math.max(0, at - 30), at);
  return /(?:\p{Lu}[\p{L}.]*|[>)])\s?$/u.test(before);
}

export function wireCandidates(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  const add = (start: number, end: number, type: string, reason: string) =>
    out.push({ start, end, type, source: 'pattern', confidence: 0.8, entityId: null, reason });
  for (const m of text.matchAll(DATELINE)) {
    const [, city, region, date] = m;
    const at = m.index;
    add(at, at + city!.length, 'location', 'dateline: where the story was filed');
    if (region) {
      const regionAt = at + city!.length + 2;
      add(regionAt, regionAt + region.replace(/,$/u, '').length, 'location', 'dateline: where the story was filed');
    }
    const dateAt = at + m[0].length - 2 - date!.length;
    add(dateAt, dateAt + date!.length, 'date', 'dateline: the date the story was filed');
  }
  for (const m of text.matchAll(MONTH_DAY)) add(m.index, m.index + m[0].length, 'date', 'month and day');
  for (const m of text.matchAll(FISCAL_YEAR)) add(m.index, m.index + m[0].length, 'date', 'fiscal year');
  for (const m of text.matchAll(STATE)) add(m.index, m.index + m[0].length, 'location', 'state abbreviation after a city');
  for (const m of text.matchAll(US)) add(m.index, m.index + m[0].length, 'location', 'country abbreviation');
  for (const m of text.matchAll(RELATIVE_DATE)) add(m.index, m.index + m[0].length, 'date', 'date relative to the story');
  for (const m of text.matchAll(SECOND_DAY)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'date', 'second day of a range');
  for (const m of text.matchAll(QUALIFIED_DATE)) add(m.index, m.index + m[0].length, 'date', 'date with its qualifier');
  for (const m of text.matchAll(BASED)) add(m.index, m.index + m[0].length, 'location', 'place before "-based"');
  for (const m of text.matchAll(INSTITUTION_OF)) add(m.index, m.index + m[0].length, 'organization', 'institution name ("… of …")');
  for (const m of text.matchAll(TITLED_NAME)) add(m.index, m.index + m[0].length, 'person', 'name after a title');
  for (const m of text.matchAll(BYLINE)) add(m.index + 3, m.index + m[0].length, 'person', 'byline');
  for (const m of text.matchAll(FIGURE)) add(m.index, m.index + m[0].length, 'number', 'figure with its unit');
  const people: Span[] = [];
  for (const company of companyNames(text, people)) add(company.start, company.end, 'organization', company.reason);
  for (const person of people) add(person.start, person.end, 'person', 'name before "of" and a firm');
  return out;
}

/**
 * Wire copy names people by their firm: "Dillard Spriggs of Petroleum Analysis Ltd". When the
 * words before "of" are a name that no institution word opens or closes ("Bank of New York Co"
 * stays whole), the company starts after "of"; returns how far to move the start.
 */
function personBeforeOf(words: string[]): number {
  const of = words.indexOf('of');
  if (of < 2 || of > 3) return 0;
  const before = words.slice(0, of);
  if (before.some((w) => GENERIC.has(w) || isHeadWord('organization', w) || isHeadWord('location', w) || !/^\p{Lu}\p{Ll}/u.test(w))) return 0;
  return words.slice(0, of + 1).join(' ').length + 1;
}

const STATE_NAMES = new Set(STATE_ABBREVIATIONS.split('|'));

interface Company extends Span {
  reason: string;
}

/** Names closed by a legal suffix and bracketed company names; `people` collects those named by their firm. */
function companyNames(text: string, people: Span[]): Company[] {
  const found: Company[] = [];
  for (const m of text.matchAll(COMPANY)) {
    let start = m.index;
    const words = m[0].split(/[ \n]/u);
    // A sentence that ends just before the name is not part of it: "in New York.\nThe Bank of New York Co".
    const endsSentence = (w: string) => /^\p{Lu}\p{Ll}{2,}\.$/u.test(w) && !SUFFIX_WORD.test(w) && !STATE_NAMES.has(w.slice(0, -1));
    while (words.slice(0, -2).some(endsSentence)) start += words.shift()!.length + 1;
    // "Miami-based Heinl's Nursery Inc": the place the company is based in is not part of its name.
    while (words.length > 2 && (OPENERS.has(words[0]!) || /-based$/u.test(words[0]!))) start += words.shift()!.length + 1;
    const person = personBeforeOf(words);
    if (person > 0) people.push({ start, end: start + words.slice(0, words.indexOf('of')).join(' ').length });
    found.push({ start: start + person, end: m.index + m[0].length, reason: 'company or institution name (legal suffix)' });
  }
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1]!;
    if (isTicker(text, m.index, inner) || !/^\p{Lu}/u.test(inner)) continue;
    const start = m.index + 1;
    if (!found.some((f) => f.start === start && f.end === start + inner.length)) found.push({ start, end: start + inner.length, reason: 'company name in angle brackets' });
  }
  return found;
}

/**
 * "Redstone and MCV Holdings Inc": a legal suffix closes only the last of two names joined by
 * "and" when the first is a person the text names elsewhere ("Investor Sumner Redstone"). Such
 * company candidates are split into the person and the company; the rest are returned unchanged.
 */
export function splitConjoinedCompanies(text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  const surnames = personSurnames(text, candidates);
  return candidates.flatMap((c) => {
    const and = /^(\p{Lu}[\p{L}'’-]+)[ \n]and[ \n]/u.exec(text.slice(c.start, c.end));
    if (c.source !== 'pattern' || c.type !== 'organization' || !and || !surnames.has(and[1]!)) return [c];
    const person = { ...c, end: c.start + and[1]!.length, type: 'person', reason: 'person named beside a company ("… and … Inc")' };
    return [person, { ...c, start: c.start + and[0].length }];
  });
}

/**
 * Where the text names a company it also names in full by a shorter form ("Computer Terminal" after
 * "Computer Terminal Systems Inc"): the document's own evidence that those words are that company.
 */
export function companyShortForms(text: string, companies: Span[]): Span[] {
  const short = new Set<string>();
  for (const c of companies) for (const form of shortForms(text.slice(c.start, c.end))) short.add(form);
  if (short.size === 0) return [];
  const taken = new Uint8Array(text.length);
  for (const c of companies) taken.fill(1, c.start, c.end);
  const found: Span[] = [];
  // Longest first, in one pass: at each place the longest form the text uses there.
  const forms = [...short].sort((a, b) => b.length - a.length).map((form) => form.split(' ').map(escape).join('[ \\n]'));
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${forms.join('|')})(?![\p{L}\p{N}])`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const end = m.index + m[0].length;
    if (taken.subarray(m.index, end).includes(1)) continue;
    taken.fill(1, m.index, end);
    found.push({ start: m.index, end });
  }
  return found;
}

/**
 * "Computer Terminal Systems Inc" → "Computer Terminal Systems", "Computer Terminal", "Computer";
 * a firm named after a person by initials also by the surname: "E.F. Hutton Group Inc" → "Hutton Group", "Hutton".
 */
function shortForms(name: string): string[] {
  const words = name
    .replace(/\([^)]*\)/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
  while (words.length > 0 && SUFFIX_WORD.test(words.at(-1)!)) words.pop();
  const initials = words.length > 1 && /^(?:\p{Lu}\.)+$/u.test(words[0]!);
  return initials ? [...prefixes(words), ...prefixes(words.slice(1))] : prefixes(words);
}

function prefixes(words: string[]): string[] {
  const forms: string[] = [];
  for (let n = words.length; n >= 1; n -= 1) {
    const form = words.slice(0, n);
    const last = form.at(-1)!;
    if (!/^\p{Lu}/u.test(last) || (n === 1 && GENERIC.has(last))) continue;
    forms.push(form.join(' '));
  }
  return forms;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
