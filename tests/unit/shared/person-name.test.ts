/** Names that differ only in form are one person; names that hide characters or mix alphabets in a word are refused. */
import { describe, expect, it } from 'vitest';
import { cleanUserName, isNamedIn, peopleLine, personKey, samePerson, userNameProblem } from '../../../src/shared/person-name';

const FORMS_OF_CHRIS = ['chris checker', 'Chris  Checker', ' Chris Checker ', 'Chris Checker\u200b', 'Ｃｈｒｉｓ Ｃｈｅｃｋｅｒ', 'Chris\u00a0Checker', 'CHRIS\tCHECKER', 'Chris \u00adChecker'];

describe('person key', () => {
  it.each(FORMS_OF_CHRIS)('"%s" is the same person as "Chris Checker"', (form) => {
    expect(samePerson(form, 'Chris Checker')).toBe(true);
  });

  it('tells apart other people, and look-alikes in another alphabet', () => {
    expect(samePerson('Chris Checker', 'Bea Reviewer')).toBe(false);
    expect(samePerson('Chris Chеcker', 'Chris Checker')).toBe(false); // Cyrillic е: refused as a user name instead
    expect(personKey('José Núñez')).toBe(personKey('Jose\u0301 Nu\u0301n\u0303ez'));
  });

  it('finds a person on a "Checked by" line in any form, and only a whole name', () => {
    const line = peopleLine(['Chris Checker', 'chris checker', 'Bea Reviewer']);
    expect(line).toBe('Chris Checker, Bea Reviewer');
    expect(isNamedIn(line, 'BEA  REVIEWER')).toBe(true);
    expect(isNamedIn(line, 'Bea')).toBe(false);
    expect(isNamedIn(line, 'Dan Editor')).toBe(false);
  });
});

describe('user names', () => {
  it('are stored composed, with one space between words', () => {
    expect(cleanUserName('  Chris \t Checker ')).toBe('Chris Checker');
    expect(cleanUserName('Jose\u0301')).toBe('José');
  });

  it.each(['李明', 'Ольга Петрова', 'José Núñez', "Anne-Marie O'Neil", 'Νίκος Παππάς', '山田はなこ', 'محمد علي', 'Chris Checker 2'])('allows "%s"', (name) => {
    expect(userNameProblem(cleanUserName(name))).toBeNull();
  });

  it.each([
    ['Chris Checker\u200b', /invisible/],
    ['Chris\u2066 Checker', /invisible/],
    ['Chris\u0007Checker', /control/],
    ['Chris Chеcker', /"Chеcker" mixes letters of different alphabets \(Latin and Cyrillic\)/],
    ['Chris Сhecker', /Cyrillic and Latin/],
    ['Βea Reviewer', /Greek and Latin/]
  ])('refuses "%s"', (name, message) => {
    expect(userNameProblem(cleanUserName(name))).toMatch(message);
  });
});
