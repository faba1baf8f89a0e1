/**
 * People are named by the user name they type. Two names that differ only in form (case, spacing,
 * invisible characters, full-width letters) name the same person, so every "same person" test
 * compares person keys; a name is cleaned when it is set, and refused when it hides characters or
 * mixes scripts inside a word (a Cyrillic "е" in "Chеcker" looks like its Latin twin).
 */

const HIDDEN = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
const INVISIBLE = new RegExp(HIDDEN.source, 'gu');
const CONTROL = /\p{Cc}/u;

/** The form of a name compared to tell whether two names are the same person. */
export const personKey = (name: string): string =>
  name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().toLowerCase();

export const samePerson = (a: string, b: string): boolean => personKey(a) === personKey(b);

/** Whether `name` is one of `people`. */
export const isAmong = (people: readonly string[], name: string): boolean => people.some((person) => samePerson(person, name));

/** The people in order of first appearance, each once, in the first form they were named by. */
export function distinctPeople(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = personKey(name);
    if (key !== '' && !seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

/** A user name as stored: composed (NFC), white space runs made one space, trimmed. */
export const cleanUserName = (name: string): string => name.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Scripts whose letters may share a word (Japanese writes Han with kana; Korean Han with Hangul). */
const SCRIPT_FAMILY: Record<string, string> = { Han: 'CJK', Hiragana: 'CJK', Katakana: 'CJK', Bopomofo: 'CJK', Hangul: 'CJK' };

const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar',
  'Khmer', 'Mongolian', 'Ethiopic', 'Cherokee', 'Tifinagh', 'Canadian_Aboriginal', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul'
].map((script) => ({ family: SCRIPT_FAMILY[script] ?? script, test: new RegExp(`^\\p{sc=${script}}$`, 'u') }));

/** Letters that belong to no one script (digits, punctuation, combining marks) do not count. */
const SCRIPTLESS = /^[\p{sc=Common}\p{sc=Inherited}]$/u;

function scriptOf(char: string): string | null {
  if (SCRIPTLESS.test(char)) return null;
  return SCRIPTS.find((script) => script.test.test(char))?.family ?? 'another script';
}

/** Why a (cleaned) user name cannot be used, or null when it can. */
export function userNameProblem(name: string): string | null {
  if (name === '') return 'Type your name.';
  if (CONTROL.test(name)) return 'A name cannot hold control characters such as tabs or line breaks.';
  if (HIDDEN.test(name)) {
    return 'A name cannot hold invisible characters (such as zero-width spaces or direction marks); type it again without them.';
  }
  for (const word of name.split(' ')) {
    const scripts = new Set([...word].map(scriptOf).filter((script) => script !== null));
    if (scripts.size > 1) {
      return `"${word}" mixes letters of different alphabets (${[...scripts].join(' and ')}), so it can look like another name; type it in one alphabet.`;
    }
  }
  return null;
}

const LIST_SEPARATOR = ', ';

/** People named on one line, as a fact sheet's "Checked by" shows them. */
export const peopleLine = (people: readonly string[]): string => distinctPeople(people).join(LIST_SEPARATOR);

/** Whether a line written by peopleLine names `name` (in any form). */
export const isNamedIn = (line: string, name: string): boolean =>
  `${LIST_SEPARATOR}${personKey(line)}${LIST_SEPARATOR}`.includes(`${LIST_SEPARATOR}${personKey(name)}${LIST_SEPARATOR}`);

/** Whether `name` checked a claim or changed what an approval of it covers: their approval is a self-review. */
export const isClaimChecker = (claim: { author: string; verification?: { checkers: string[] } }, name: string): boolean =>
  isAmong(claim.verification?.checkers ?? [claim.author], name);
