import { describe, expect, it } from 'vitest';
import { findGaps } from '../../../src/shared/gaps';
import { articleFixture } from '../import/fixtures';

/** The span of `run` inside the first occurrence of `before + run + after`. */
function spanOf(text: string, before: string, run: string, after: string): { start: number; end: number } {
  const at = text.indexOf(before + run + after);
  if (at < 0) throw new Error(`"${before}${run}${after}" is not in the text`);
  const start = at + before.length;
  return { start, end: start + run.length };
}

const gapTexts = (text: string): string[] => findGaps(text).map((gap) => text.slice(gap.start, gap.end));

describe('findGaps on the sample article', () => {
  const text = new TextDecoder().decode(articleFixture('sample-ap-2018.txt'));

  it('finds exactly the four masked names, in order', () => {
    expect(findGaps(text)).toEqual([
      spanOf(text, 'star', '   ', 'paid'),
      spanOf(text, 'the', '   ', 'to make'),
      spanOf(text, 'President', '   ', 'and his'),
      spanOf(text, 'Sheriff', '  ', ', a staunch')
    ]);
  });

  it('ignores the indentation, whitespace-only lines and trailing spaces the sample is full of', () => {
    expect(text).toMatch(/\n \n/);
    expect(text).toMatch(/\n {2}\n/);
    expect(text).toMatch(/\." \n/);
    expect(gapTexts(text)).toEqual(['   ', '   ', '   ', '  ']);
  });
});

describe('findGaps rules', () => {
  it('finds a run between words and before punctuation', () => {
    const text = 'met   at the   , then   \'s aide and   . Then (   ) and  ; also  ?';
    expect(findGaps(text)).toEqual([
      { start: 3, end: 6 },
      spanOf(text, 'the', '   ', ','),
      spanOf(text, 'then', '   ', "'s"),
      spanOf(text, 'and', '   ', '.'),
      spanOf(text, '(', '   ', ')'),
      spanOf(text, 'and', '  ', ';'),
      spanOf(text, 'also', '  ', '?')
    ]);
  });

  it('does not treat a single space, indentation or a whitespace-only line as a gap', () => {
    expect(findGaps('one two three')).toEqual([]);
    expect(findGaps('    Indented paragraph\n\tTabbed one\n \u00a0 Mixed indent')).toEqual([]);
    expect(findGaps('first\n     \n\t\t\nsecond')).toEqual([]);
    expect(findGaps('   ')).toEqual([]);
    expect(findGaps('')).toEqual([]);
  });

  it('does not treat trailing spaces as a gap, whatever the line ending', () => {
    expect(findGaps('line one   \nline two  \r\nline three  \rend  ')).toEqual([]);
    expect(findGaps('para\u2028  next')).toEqual([]);
  });

  it('finds a masked name at the end or the start of a hard-wrapped wire line', () => {
    const atEnd = 'the world needs to defend oil prices, Saudi Oil Minister     \nsaid in an interview published on Sunday.';
    expect(findGaps(atEnd)).toEqual([spanOf(atEnd, 'Minister', '     ', '\nsaid')]);
    const crlf = atEnd.replace('\n', '\r\n');
    expect(findGaps(crlf)).toEqual([spanOf(crlf, 'Minister', '     ', '\r\nsaid')]);
    const atStart = 'Industrial Equity said it raised its stake in\n       Corp to 816,000 shares, or 11.3 pct.';
    expect(findGaps(atStart)).toEqual([spanOf(atStart, 'in\n', '       ', 'Corp')]);
  });

  it('finds a name masked by the usual three-space run at the end of a wrapped wire line, inside its paragraph', () => {
    // Masking tools leave a run of two or three spaces whatever the name's length; here " Nazer" went.
    const story =
      'BAHRAIN, March 1 - Saudi Arabian Oil Minister Hisham   \nreiterated the kingdom\'s commitment to last December\'s OPEC\naccord.\n' +
      '    Asked by the agency about the recent fall in free market\noil prices, Nazer said Saudi Arabia is fully adhering.\n';
    expect(findGaps(story)).toEqual([spanOf(story, 'Hisham', '   ', '\nreiterated')]);
    const crlf = story.replaceAll('\n', '\r\n');
    expect(findGaps(crlf)).toEqual([spanOf(crlf, 'Hisham', '   ', '\r\nreiterated')]);
    // The indentation that opens the next paragraph is no gap (the list above has one), nor is the same run after a full stop.
    expect(findGaps(story.replace('Hisham   \n', 'Hisham.   \n'))).toEqual([]);
  });

  it('keeps wire layout out: short trailing runs, sentence ends and paragraph indentation', () => {
    expect(findGaps('the company said it would sell the unit  \nfor 12 mln dlrs')).toEqual([]);
    expect(findGaps('The company said it would sell the unit.     \n    The sale is subject to approval.')).toEqual([]);
    expect(findGaps('it said it would sell the unit for cash     \n\n    Reuter')).toEqual([]);
  });

  it('does not treat the spacing after a sentence end as a gap', () => {
    expect(findGaps('It ended.  Next one.   And so?  Yes!  Wait…  Go')).toEqual([]);
    expect(findGaps('He said "stop."  Then she left.\'  And the book.”  Then (so it was.)  End')).toEqual([]);
    expect(findGaps('Il a dit « stop. »  Ensuite « quoi\u202f? »  Rien')).toEqual([]);
  });

  it('still finds a gap after a closing quote that ends no sentence', () => {
    const text = 'the word "stop"   said the';
    expect(findGaps(text)).toEqual([spanOf(text, '"stop"', '   ', 'said')]);
  });

  it('treats no-break spaces and mixed runs as gaps but not tab-only column runs', () => {
    const text = 'a\u00a0\u00a0b c \u00a0 d e \t f g\t\th i\tj';
    expect(findGaps(text)).toEqual([
      { start: 1, end: 3 },
      { start: 6, end: 9 },
      { start: 12, end: 15 }
    ]);
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const text = '😀 A   B 𝔘𝔘  C';
    // "😀 A" is four UTF-16 code units (three code points).
    expect(findGaps(text)).toEqual([
      { start: 4, end: 7 },
      { start: 13, end: 15 }
    ]);
    expect(gapTexts(text)).toEqual(['   ', '  ']);
  });

  it('finds gaps in right-to-left text and honours Arabic sentence ends', () => {
    const hebrew = 'נפגש עם   בבית הלבן';
    expect(findGaps(hebrew)).toEqual([spanOf(hebrew, 'עם', '   ', 'בבית')]);
    const arabic = 'التقى الرئيس   في البيت؟  ثم غادر';
    expect(findGaps(arabic)).toEqual([spanOf(arabic, 'الرئيس', '   ', 'في')]);
  });
});
