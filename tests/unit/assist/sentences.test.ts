import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/main/assist/text/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps abbreviations, initials, decimals and times inside the sentence', () => {
    expect(split('The U.S. Dept. of Energy met Attorney Brittany K. Barnett at 4:30 pm on Monday. GDP grew 2.6% in 2014.')).toEqual([
      'The U.S. Dept. of Energy met Attorney Brittany K. Barnett at 4:30 pm on Monday.',
      'GDP grew 2.6% in 2014.'
    ]);
    expect(split('Mr. Smith and Dr. Jones arrived at 4:30 p.m. Monday. They left.')).toEqual([
      'Mr. Smith and Dr. Jones arrived at 4:30 p.m. Monday.',
      'They left.'
    ]);
  });

  it('ends a sentence after an abbreviation only when a sentence opener follows', () => {
    expect(split('He moved to the U.S. The move was hard.')).toEqual(['He moved to the U.S.', 'The move was hard.']);
    expect(split('It was made by Acme Inc. and sold in the U.S. market.')).toEqual(['It was made by Acme Inc. and sold in the U.S. market.']);
  });

  it('ends sentences at closing quotes, question and exclamation marks, ellipses and line breaks', () => {
    expect(split('Trump wrote, "Great meeting." He included a picture. Why? "Wow!" she said. Then…\nA new paragraph')).toEqual([
      'Trump wrote, "Great meeting."',
      'He included a picture.',
      'Why?',
      '"Wow!" she said.',
      'Then…',
      'A new paragraph'
    ]);
    expect(split('“I think so,” Kardashian told Mic. “I will.”')).toEqual(['“I think so,” Kardashian told Mic.', '“I will.”']);
  });

  it('returns offsets into the text, skipping leading space and blank lines', () => {
    const text = '  First one.  \n\n Second one.';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 12 },
      { start: 17, end: 28 }
    ]);
    expect(splitSentences('')).toEqual([]);
  });
});
