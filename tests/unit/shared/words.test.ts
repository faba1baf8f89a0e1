import { describe, expect, it } from 'vitest';
import { insideWord, wordCharAt, wordCharBefore } from '../../../src/shared/text/words';

describe('word characters', () => {
  it('are the letters, combining marks and digits of any script', () => {
    for (const word of ['Zoë', 'Ångström', 'Петров', 'الزهراء', 'बिजली', '北京', 'cafe\u0301', '٣٤٥', '𝔘nited']) {
      for (let i = 1; i < word.length; i += 1) {
        if (/[\uDC00-\uDFFF]/.test(word[i]!)) continue; // between the halves of 𝔘
        expect(insideWord(word, i), `${word} at ${i}`).toBe(true);
      }
    }
  });

  it('end at spaces, punctuation, quotation marks and apostrophes', () => {
    const text = '“Kardashian’s” fleet, 40% — done.';
    for (const edge of ['“', '’', '”', ' ', ',', '%', '—', '.']) {
      const at = text.indexOf(edge);
      expect(insideWord(text, at) || insideWord(text, at + edge.length)).toBe(false);
    }
    expect(insideWord(text, 0)).toBe(false);
    expect(insideWord(text, text.length)).toBe(false);
  });

  it('count an astral letter as one character', () => {
    expect(wordCharAt('𝔘nited', 0)).toBe(2);
    expect(wordCharBefore('a𝔘', 3)).toBe(2);
    expect(wordCharAt('😀', 0)).toBe(0);
  });
});
